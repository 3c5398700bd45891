package io.jenkins.plugins.projectboards.client;

/** What was asked for does not exist, or this account may not see it (several vendors cannot tell the two apart). */
public class NotFoundException extends BoardException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(Vendor vendor, String operation, int httpStatus, String detail) {
        super(vendor, operation, httpStatus, detail, null);
    }
}
