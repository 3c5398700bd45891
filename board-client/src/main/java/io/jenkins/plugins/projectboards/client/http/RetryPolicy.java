package io.jenkins.plugins.projectboards.client.http;

import java.time.Duration;

/**
 * How often and how patiently a request is tried again. Delays grow exponentially from {@code baseDelay}, are capped
 * at {@code maxDelay}, and a server's {@code Retry-After} is honoured up to {@code maxRetryAfter}.
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The pause before attempt {@code failedAttempt + 1}: half the exponential step plus a random share of the other
     * half ("equal jitter"), so retries spread out but never collapse to zero.
     */
    Duration backoff(int failedAttempt, double jitter) {
        long step = baseDelay.toMillis() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(step, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (jitter * (capped - capped / 2)));
    }
}
