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

    /**
     * A 413, whoever sent it: the board, or a proxy before it whose HTML page says nothing more. Only an upload is
     * that large, so the error names the setting that bounds uploads.
     */
    public static ApiException tooLarge(Vendor vendor, String operation) {
        return new ApiException(vendor, operation, 413, "the server, or a proxy before it, refused the request as too"
                + " large; keep the connection's largest attachment (maxAttachmentMiB) within what it accepts");
    }
}
