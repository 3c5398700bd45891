package io.jenkins.plugins.projectboards.client;

/** The vendor's answer could not be read: not JSON, an HTML error page, or a shape this client does not know. */
public class MalformedResponseException extends BoardException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(Vendor vendor, String operation, int httpStatus, String detail) {
        super(vendor, operation, httpStatus, detail, null);
    }

    public MalformedResponseException(Vendor vendor, String operation, int httpStatus, String detail, Throwable cause) {
        super(vendor, operation, httpStatus, detail, cause);
    }
}
