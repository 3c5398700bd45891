package io.jenkins.plugins.projectboards.client;

/** No usable answer arrived: connection refused, timeout, reset, DNS failure. Retries, where allowed, were already made. */
public class ConnectionException extends BoardException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(Vendor vendor, String operation, int httpStatus, String detail) {
        super(vendor, operation, httpStatus, detail, null);
    }

    public ConnectionException(Vendor vendor, String operation, int httpStatus, String detail, Throwable cause) {
        super(vendor, operation, httpStatus, detail, cause);
    }
}
