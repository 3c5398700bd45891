package io.jenkins.plugins.projectboards.client;

/** The connection is configured wrongly (URL, credentials, missing option): nothing was sent, or the vendor cannot be used as set up. */
public class ConfigurationException extends BoardException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(Vendor vendor, String operation, int httpStatus, String detail) {
        super(vendor, operation, httpStatus, detail, null);
    }

    public ConfigurationException(Vendor vendor, String operation, int httpStatus, String detail, Throwable cause) {
        super(vendor, operation, httpStatus, detail, cause);
    }
}
