package io.jenkins.plugins.projectboards.client;

/** The vendor has no API for this operation (e.g. Kanboard cannot register webhooks); the message says so by name. */
public class NotSupportedException extends BoardException {
    private static final long serialVersionUID = 1L;

    public NotSupportedException(Vendor vendor, String operation, String detail) {
        super(vendor, operation, 0, detail, null);
    }
}
