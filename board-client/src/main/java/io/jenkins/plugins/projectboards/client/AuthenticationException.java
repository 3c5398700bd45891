package io.jenkins.plugins.projectboards.client;

/** The vendor refused the credentials (or, for user-only calls, the kind of credentials). */
public class AuthenticationException extends BoardException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(Vendor vendor, String operation, int httpStatus, String detail) {
        super(vendor, operation, httpStatus, detail, null);
    }

    public AuthenticationException(Vendor vendor, String operation, int httpStatus, String detail, Throwable cause) {
        super(vendor, operation, httpStatus, detail, cause);
    }
}
