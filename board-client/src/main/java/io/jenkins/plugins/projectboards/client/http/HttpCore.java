package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one HTTP path of every vendor client: one shared {@link OkHttpClient} per connection, its timeouts, and the
 * retry rules.
 *
 * <p>A request is tried again only when doing so cannot apply it twice: when it is idempotent (reads, and writes
 * whose repetition changes nothing), when it provably never reached the server (connection refused, unknown host,
 * connect timeout), or when the server refused it with 429. A create that timed out after it was sent is not
 * retried here; the vendor clients recover such creates by looking for what they made (see their {@code create}
 * methods).
 */
public final class HttpCore {
    private final Vendor vendor;
    private final OkHttpClient client;
    /**
     * The same client for requests that must not be sent twice: without OkHttp's own silent retry (it re-sends a
     * request whose pooled connection turned out dead, which for a create could make a second card), and on a fresh
     * connection each time (its pool keeps none idle), so that a connection the server closed while idle cannot fail
     * a write that was never sent. A failure to connect is then the only failure before sending, and is retried.
     */
    private final OkHttpClient writeClient;
    private final ClientOptions options;

    /**
     * @param shared the caller's client (in Jenkins: built from the proxy settings); it is derived once with this
     *     connection's timeouts, which shares its connection pool and dispatcher
     */
    public HttpCore(Vendor vendor, OkHttpClient shared, ClientOptions options) {
        this.vendor = vendor;
        this.options = options;
        this.client = shared.newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                .build();
        this.writeClient = client.newBuilder()
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
    }

    public Vendor vendor() {
        return vendor;
    }

    public ClientOptions options() {
        return options;
    }

    /** The client every call of this connection goes through (exposed so tests can check it is one and the same). */
    public OkHttpClient client() {
        return client;
    }

    /**
     * Sends {@code request}, retrying as the class comment says, and returns the final answer whatever its status:
     * the vendor client maps error statuses to its typed errors.
     *
     * @throws ConnectionException when no answer arrived
     */
    public HttpResult execute(String operation, Request request, boolean idempotent) {
        RetryPolicy policy = options.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            HttpResult result;
            try (Response response = (idempotent ? client : writeClient).newCall(request).execute()) {
                ResponseBody body = response.body();
                result = new HttpResult(response.code(), response.headers(), body == null ? "" : body.string());
            } catch (IOException e) {
                boolean safe = idempotent || neverReachedServer(e);
                if (!safe || attempt >= policy.maxAttempts()) {
                    throw connectionFailure(operation, request, e, safe, attempt);
                }
                pause(operation, policy.backoff(attempt, options.jitter().getAsDouble()));
                continue;
            }
            if (attempt < policy.maxAttempts() && retryableStatus(result.status(), idempotent)) {
                Duration retryAfter = retryAfter(result);
                Duration backoff = policy.backoff(attempt, options.jitter().getAsDouble());
                pause(operation, retryAfter == null ? backoff : min(retryAfter, policy.maxRetryAfter()));
                continue;
            }
            return result;
        }
    }

    private static boolean retryableStatus(int status, boolean idempotent) {
        // 429 means the server refused the request unprocessed; gateway errors may follow a processed request.
        return status == 429 || (idempotent && (status == 502 || status == 503 || status == 504));
    }

    static boolean neverReachedServer(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return true;
        }
        return e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).startsWith("connect timed out");
    }

    private ConnectionException connectionFailure(
            String operation, Request request, IOException e, boolean safe, int attempts) {
        String target = request.url().host() + ":" + request.url().port();
        String what = e instanceof InterruptedIOException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
        String detail = "request to " + target + " " + what + " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
        if (!safe) {
            detail += "; not retried because it may already have been applied";
        }
        return new ConnectionException(vendor, operation, 0, detail, e);
    }

    private void pause(String operation, Duration delay) {
        try {
            options.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(vendor, operation, 0, "interrupted while waiting to retry", e);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; {@code null} when absent or unreadable. */
    Duration retryAfter(HttpResult result) {
        String value = result.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(options.clock().instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
