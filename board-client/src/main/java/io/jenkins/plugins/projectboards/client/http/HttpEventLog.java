package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.Vendor;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes every {@link HttpListener} event to the {@code java.util.logging} logger named after this class, at
 * {@code FINE}: one line naming the vendor and the operation. Off unless that logger (or a parent, e.g.
 * {@code io.jenkins.plugins.projectboards}) is set to {@code FINE}; nothing is formatted while it is off.
 */
public final class HttpEventLog implements HttpListener {
    public static final HttpEventLog INSTANCE = new HttpEventLog();
    private static final Logger LOGGER = Logger.getLogger(HttpEventLog.class.getName());

    private HttpEventLog() {}

    @Override
    public void retryingAfterStatus(Retry retry, int status) {
        log(retry.vendor(), retry.operation(), () -> "answered " + status + "; " + retrying(retry));
    }

    @Override
    public void waitingForRetryAfter(Retry retry, int status, Duration asked) {
        log(retry.vendor(), retry.operation(),
                () -> "answered " + status + " with Retry-After " + HttpListener.seconds(asked) + " s; " + retrying(retry));
    }

    @Override
    public void retryingAfterFailure(Retry retry, IOException failure) {
        log(retry.vendor(), retry.operation(), () -> "no answer (" + failure.getClass().getSimpleName() + "); " + retrying(retry));
    }

    @Override
    public void gaveUpAfterStatus(Vendor vendor, String operation, int status, int attempts) {
        log(vendor, operation, () -> "answered " + status + "; gave up after " + attempts + " attempts");
    }

    @Override
    public void gaveUpAfterFailure(Vendor vendor, String operation, IOException failure, int attempts) {
        log(vendor, operation, () -> "no answer (" + failure.getClass().getSimpleName() + "); gave up after " + attempts + " attempts");
    }

    @Override
    public void lostCreateRecovered(Vendor vendor, String operation, boolean byReference) {
        log(vendor, operation, () -> "the answer was lost; found the card it made by its " + (byReference ? "reference" : "title")
                + ", not sent again");
    }

    @Override
    public void lostCreateNotFound(Vendor vendor, String operation) {
        log(vendor, operation, () -> "the answer was lost and nothing it made was found; sending it once more");
    }

    private static String retrying(Retry retry) {
        return "retrying in " + HttpListener.seconds(retry.delay()) + " s (retry " + retry.retry() + "/" + retry.maxRetries() + ")";
    }

    private static void log(Vendor vendor, String operation, Supplier<String> what) {
        LOGGER.log(Level.FINE, () -> vendor.displayName() + " " + operation + ": " + what.get());
    }
}
