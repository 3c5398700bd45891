package io.jenkins.plugins.projectboards.client.testing;

import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every event down as one line ({@code "Planka list things: answered 503, retry 1/2 in PT0.05S"}), for exact assertions. */
public final class RecordingHttpListener implements HttpListener {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void retryingAfterStatus(Retry retry, int status) {
        record(retry.vendor(), retry.operation(), "answered " + status + ", " + retrying(retry));
    }

    @Override
    public void waitingForRetryAfter(Retry retry, int status, Duration asked) {
        record(retry.vendor(), retry.operation(), "answered " + status + " with Retry-After " + asked + ", " + retrying(retry));
    }

    @Override
    public void retryingAfterFailure(Retry retry, IOException failure) {
        record(retry.vendor(), retry.operation(), "no answer (" + failure.getClass().getSimpleName() + "), " + retrying(retry));
    }

    @Override
    public void gaveUpAfterStatus(Vendor vendor, String operation, int status, int attempts) {
        record(vendor, operation, "answered " + status + ", gave up after " + attempts + " attempts");
    }

    @Override
    public void gaveUpAfterFailure(Vendor vendor, String operation, IOException failure, int attempts) {
        record(vendor, operation, "no answer (" + failure.getClass().getSimpleName() + "), gave up after " + attempts + " attempts");
    }

    @Override
    public void lostCreateRecovered(Vendor vendor, String operation, boolean byReference) {
        record(vendor, operation, "lost create found by " + (byReference ? "reference" : "title"));
    }

    @Override
    public void lostCreateNotFound(Vendor vendor, String operation) {
        record(vendor, operation, "lost create not found, sent again");
    }

    private static String retrying(Retry retry) {
        return "retry " + retry.retry() + "/" + retry.maxRetries() + " in " + retry.delay();
    }

    private void record(Vendor vendor, String operation, String what) {
        events.add(vendor.displayName() + " " + operation + ": " + what);
    }
}
