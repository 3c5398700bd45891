package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.Vendor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Hears what the HTTP path does on its own, which a caller would otherwise never see: a retry and its pause, a wait a
 * server asked for with {@code Retry-After}, giving up, and a create whose answer was lost. One listener is given per
 * connection ({@link io.jenkins.plugins.projectboards.client.ClientOptions#listener()}) and is called on the thread
 * that made the call, so {@link HttpEvents} can route events to whoever made it. Every method has a default that
 * does nothing; a listener must not throw, as it runs in the middle of a call.
 *
 * <p>Events carry no request, header or body: nothing that could hold a secret.
 */
public interface HttpListener {
    HttpListener NONE = new HttpListener() {};

    /**
     * A request about to be sent again.
     *
     * @param operation the vendor operation, as in error messages (e.g. {@code PATCH /api/cards/{id}})
     * @param retry 1 for the first retry
     * @param maxRetries how many retries the policy allows in all (its attempts minus the first)
     * @param delay the pause before the retry
     */
    record Retry(Vendor vendor, String operation, int retry, int maxRetries, Duration delay) {}

    /** The server answered {@code status} (429, or a gateway error to an idempotent request); retried after the backoff. */
    default void retryingAfterStatus(Retry retry, int status) {}

    /**
     * The server answered {@code status} with a {@code Retry-After} asking for {@code asked}; retried after
     * {@link Retry#delay()}, which is {@code asked} capped by the retry policy.
     */
    default void waitingForRetryAfter(Retry retry, int status, Duration asked) {}

    /**
     * No answer arrived ({@code failure}) to a request that is safe to send again (idempotent, or it never left);
     * retried after the backoff. Only the failure's class is fit to show: its message may name hosts.
     */
    default void retryingAfterFailure(Retry retry, IOException failure) {}

    /** Every attempt was answered with a retryable {@code status}; the last answer goes to the caller. */
    default void gaveUpAfterStatus(Vendor vendor, String operation, int status, int attempts) {}

    /** No attempt got an answer; the caller gets a connection error. */
    default void gaveUpAfterFailure(Vendor vendor, String operation, IOException failure, int attempts) {}

    /**
     * A create whose answer was lost had made its card, found by its reference ({@code byReference}) or else by its
     * title; it is returned and the create is not sent again.
     */
    default void lostCreateRecovered(Vendor vendor, String operation, boolean byReference) {}

    /** A create whose answer was lost made nothing that could be found; it is sent once more. */
    default void lostCreateNotFound(Vendor vendor, String operation) {}

    /** Tells every event to {@code first}, then to {@code second}. */
    static HttpListener both(HttpListener first, HttpListener second) {
        return new ForwardingHttpListener(consumer -> {
            consumer.accept(first);
            consumer.accept(second);
        });
    }

    /** A delay as listeners show it: seconds with at most one decimal ({@code 0.3}, {@code 7}, {@code 60}). */
    static String seconds(Duration delay) {
        return BigDecimal.valueOf(delay.toMillis(), 3).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
