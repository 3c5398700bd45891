package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.Vendor;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/** Hands every event to the listeners {@code targets} offers at the time of the event (written once for all forwarders). */
final class ForwardingHttpListener implements HttpListener {
    private final Consumer<Consumer<HttpListener>> targets;

    /** @param targets calls its argument with each listener to tell, in order */
    ForwardingHttpListener(Consumer<Consumer<HttpListener>> targets) {
        this.targets = targets;
    }

    @Override
    public void retryingAfterStatus(Retry retry, int status) {
        targets.accept(listener -> listener.retryingAfterStatus(retry, status));
    }

    @Override
    public void waitingForRetryAfter(Retry retry, int status, Duration asked) {
        targets.accept(listener -> listener.waitingForRetryAfter(retry, status, asked));
    }

    @Override
    public void retryingAfterFailure(Retry retry, IOException failure) {
        targets.accept(listener -> listener.retryingAfterFailure(retry, failure));
    }

    @Override
    public void gaveUpAfterStatus(Vendor vendor, String operation, int status, int attempts) {
        targets.accept(listener -> listener.gaveUpAfterStatus(vendor, operation, status, attempts));
    }

    @Override
    public void gaveUpAfterFailure(Vendor vendor, String operation, IOException failure, int attempts) {
        targets.accept(listener -> listener.gaveUpAfterFailure(vendor, operation, failure, attempts));
    }

    @Override
    public void lostCreateRecovered(Vendor vendor, String operation, boolean byReference) {
        targets.accept(listener -> listener.lostCreateRecovered(vendor, operation, byReference));
    }

    @Override
    public void lostCreateNotFound(Vendor vendor, String operation) {
        targets.accept(listener -> listener.lostCreateNotFound(vendor, operation));
    }
}
