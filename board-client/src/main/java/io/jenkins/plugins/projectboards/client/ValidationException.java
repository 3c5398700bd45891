package io.jenkins.plugins.projectboards.client;

/** A value is invalid, either caught before sending (the caller's input) or rejected by the vendor. */
public class ValidationException extends BoardException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the argument or vendor field at fault, e.g. {@code due}; {@code null} when the vendor did not say
     */
    public ValidationException(Vendor vendor, String operation, int httpStatus, String field, String detail) {
        super(vendor, operation, httpStatus, field == null ? detail : "'" + field + "': " + detail, null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
