package io.jenkins.plugins.projectboards.client;

import io.jenkins.plugins.projectboards.client.http.HttpEventLog;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import io.jenkins.plugins.projectboards.client.http.RetryPolicy;
import io.jenkins.plugins.projectboards.client.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How one connection talks to its vendor: timeouts, retries, how long resolved names stay cached, who hears of
 * retries and lost creates, and the clock, sleeper and randomness behind them (tests replace those three to run
 * without real waiting).
 *
 * @param jitter returns a number in [0, 1) that spreads retry delays so that many builds do not retry in step
 * @param listener hears every retry, wait, give-up and lost create of the connection (by default the {@code FINE}
 *     log of {@link HttpEventLog})
 */
public record ClientOptions(
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retryPolicy,
        Duration nameCacheTtl,
        Clock clock,
        Sleeper sleeper,
        DoubleSupplier jitter,
        HttpListener listener) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_NAME_CACHE_TTL = Duration.ofMinutes(2);

    public static ClientOptions defaults() {
        return new ClientOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, RetryPolicy.defaults(),
                DEFAULT_NAME_CACHE_TTL, Clock.systemUTC(), Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble(),
                HttpEventLog.INSTANCE);
    }

    /**
     * Every call's overall deadline, from connecting to the last byte of the answer, so that a server that drips its
     * answer a byte at a time cannot hold a step forever: a connect timeout, then a read timeout for the server to
     * start answering and another for the rest.
     */
    public Duration callTimeout() {
        return connectTimeout.plus(readTimeout.multipliedBy(2));
    }

    public ClientOptions withTimeouts(Duration connect, Duration read) {
        return new ClientOptions(connect, read, retryPolicy, nameCacheTtl, clock, sleeper, jitter, listener);
    }

    public ClientOptions withRetryPolicy(RetryPolicy policy) {
        return new ClientOptions(connectTimeout, readTimeout, policy, nameCacheTtl, clock, sleeper, jitter, listener);
    }

    public ClientOptions withNameCacheTtl(Duration ttl) {
        return new ClientOptions(connectTimeout, readTimeout, retryPolicy, ttl, clock, sleeper, jitter, listener);
    }

    public ClientOptions withListener(HttpListener newListener) {
        return new ClientOptions(connectTimeout, readTimeout, retryPolicy, nameCacheTtl, clock, sleeper, jitter, newListener);
    }

    /** For tests and benchmarks: time, waiting and randomness under the caller's control. */
    public ClientOptions withTime(Clock newClock, Sleeper newSleeper, DoubleSupplier newJitter) {
        return new ClientOptions(connectTimeout, readTimeout, retryPolicy, nameCacheTtl, newClock, newSleeper, newJitter, listener);
    }
}
