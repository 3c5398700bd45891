package io.jenkins.plugins.projectboards.client;

/** The vendor answered with an error this library has no more specific type for (5xx, JSON-RPC errors, 429 after retries). */
public class ApiException extends BoardException {
    private static final long serialVersionUID = 1L;

    public ApiException(Vendor vendor, String operation, int httpStatus, String detail) {
        super(vendor, operation, httpStatus, detail, null);
    }

    public ApiException(Vendor vendor, String operation, int httpStatus, String detail, Throwable cause) {
        super(vendor, operation, httpStatus, detail, cause);
    }
}
