package io.jenkins.plugins.projectboards.client;

/**
 * Root of the one exception tree every client throws. It always names the vendor and the operation, and the HTTP
 * status when there was an answer, so a console line says what failed where without a stack trace.
 *
 * <p>Messages are built from the operation and the vendor's answer only, never from request headers or
 * credentials, so no secret can reach a message or a log line through an exception.
 */
public abstract class BoardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Vendor vendor;
    private final String operation;
    private final int httpStatus;

    protected BoardException(Vendor vendor, String operation, int httpStatus, String detail, Throwable cause) {
        super(format(vendor, operation, httpStatus, detail), cause);
        this.vendor = vendor;
        this.operation = operation;
        this.httpStatus = httpStatus;
    }

    private static String format(Vendor vendor, String operation, int httpStatus, String detail) {
        StringBuilder message = new StringBuilder(vendor.displayName()).append(' ').append(operation);
        if (httpStatus > 0) {
            message.append(" (HTTP ").append(httpStatus).append(')');
        }
        return message.append(": ").append(detail).toString();
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The vendor operation that failed, e.g. {@code createTask} or {@code POST /api/lists/{id}/cards}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status of the answer that failed, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
