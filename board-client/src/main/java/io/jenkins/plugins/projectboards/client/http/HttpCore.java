package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Texts;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * The one HTTP path of every vendor client: one shared {@link OkHttpClient} per connection, its timeouts, and the
 * retry rules.
 *
 * <p>A request is tried again only when doing so cannot apply it twice: when it is idempotent (reads, and writes
 * whose repetition changes nothing), when it provably never reached the server (it failed before its first byte
 * went out: connection refused, unknown host, connect timeout), or when the server refused it with 429. A create that
 * timed out after it was sent is not retried here; the vendor clients recover such creates by looking for what they
 * made (see their {@code create} methods).
 *
 * <p>Every answer is hostile until checked: a call has an overall deadline ({@link ClientOptions#callTimeout()}),
 * a body is read up to {@link #MAX_BODY_BYTES} only, and redirects are not followed, because following one would
 * send the credentials (an API key header, a re-posted login body) to whatever host the server names.
 *
 * <p>Nothing it does on its own is silent: retries, waits and giving up are told to the connection's
 * {@link HttpListener} ({@link ClientOptions#listener()}), and every exchange goes to the {@link RequestLog} when that
 * log is on.
 */
public final class HttpCore {
    /** The largest answer read into memory: far above any board listing, far below what could hurt Jenkins. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

    /**
     * Marks a request as going out: a network interceptor runs once the connection is established, right before
     * the request's bytes are written. A failure while the mark is unset happened before the server could see
     * anything (no connection, connect timeout, TLS failure), whatever the exception or its message says.
     */
    private static final class Sending {
        private volatile boolean started;
    }

    private static final Interceptor MARK_SENDING = chain -> {
        Sending sending = chain.request().tag(Sending.class);
        if (sending != null) {
            sending.started = true;
        }
        return chain.proceed(chain.request());
    };

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
                .callTimeout(options.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new RequestLog(vendor))
                .addNetworkInterceptor(MARK_SENDING)
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
     * @throws ConfigurationException when the server answered with a redirect
     * @throws MalformedResponseException when the answer is larger than {@link #MAX_BODY_BYTES}
     */
    public HttpResult execute(String operation, Request request, boolean idempotent) {
        return execute(operation, request, idempotent, false);
    }

    /**
     * Like {@link #execute}, but an answer larger than {@link #MAX_BODY_BYTES} is cut there ({@link
     * HttpResult#truncated()}) instead of refused: for logs, whose beginning is worth showing.
     */
    public HttpResult executeTruncating(String operation, Request request, boolean idempotent) {
        return execute(operation, request, idempotent, true);
    }

    private HttpResult execute(String operation, Request request, boolean idempotent, boolean truncate) {
        RetryPolicy policy = options.retryPolicy();
        HttpListener listener = options.listener();
        for (int attempt = 1; ; attempt++) {
            HttpResult result;
            Sending sending = new Sending();
            Request attemptRequest = request.newBuilder().tag(Sending.class, sending).build();
            try (Response response = (idempotent ? client : writeClient).newCall(attemptRequest).execute()) {
                if (response.isRedirect()) {
                    throw redirected(operation, response);
                }
                result = read(operation, response, truncate);
            } catch (IOException e) {
                boolean safe = idempotent || !sending.started;
                if (safe && attempt < policy.maxAttempts()) {
                    Duration backoff = policy.backoff(attempt, options.jitter().getAsDouble());
                    listener.retryingAfterFailure(retry(operation, attempt, backoff), e);
                    pause(operation, backoff);
                    continue;
                }
                if (safe && attempt > 1) {
                    listener.gaveUpAfterFailure(vendor, operation, e, attempt);
                }
                throw connectionFailure(operation, request, e, safe, attempt);
            }
            if (!retryableStatus(result.status(), idempotent)) {
                return result;
            }
            if (attempt >= policy.maxAttempts()) {
                if (attempt > 1) {
                    listener.gaveUpAfterStatus(vendor, operation, result.status(), attempt);
                }
                return result;
            }
            Duration retryAfter = retryAfter(result);
            if (retryAfter == null) {
                Duration backoff = policy.backoff(attempt, options.jitter().getAsDouble());
                listener.retryingAfterStatus(retry(operation, attempt, backoff), result.status());
                pause(operation, backoff);
            } else {
                Duration wait = min(retryAfter, policy.maxRetryAfter());
                listener.waitingForRetryAfter(retry(operation, attempt, wait), result.status(), retryAfter);
                pause(operation, wait);
            }
        }
    }

    /** The retry that follows {@code failedAttempt}, as the listener hears of it. */
    private HttpListener.Retry retry(String operation, int failedAttempt, Duration delay) {
        return new HttpListener.Retry(vendor, operation, failedAttempt, options.retryPolicy().maxAttempts() - 1, delay);
    }

    /**
     * The body as text, never more than {@link #MAX_BODY_BYTES} of it in memory. The response comes from {@code
     * Call.execute()}, whose body OkHttp 4 documents as never null (its type says nullable; OkHttp 5's says not).
     */
    private HttpResult read(String operation, Response response, boolean truncate) throws IOException {
        ResponseBody body = Objects.requireNonNull(response.body(), "Call.execute() returned a response without a body");
        if (!truncate && body.contentLength() > MAX_BODY_BYTES) {
            throw tooLarge(operation, response.code());
        }
        BufferedSource source = body.source();
        boolean larger = source.request(MAX_BODY_BYTES + 1L);
        if (larger && !truncate) {
            throw tooLarge(operation, response.code());
        }
        Buffer buffer = source.getBuffer();
        long length = Math.min(buffer.size(), MAX_BODY_BYTES);
        if (length >= UTF8_BOM.size() && buffer.rangeEquals(0, UTF8_BOM)) {
            buffer.skip(UTF8_BOM.size());
            length -= UTF8_BOM.size();
        }
        MediaType type = body.contentType();
        Charset declared = type == null ? null : type.charset();
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        return new HttpResult(response.code(), response.headers(), buffer.readString(length, charset), larger);
    }

    private MalformedResponseException tooLarge(String operation, int status) {
        return new MalformedResponseException(vendor, operation, status,
                "the answer is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB and was not read");
    }

    /** Not followed (see the class comment); the message names the target so the user can fix the URL. */
    private ConfigurationException redirected(String operation, Response response) {
        String location = response.header("Location");
        HttpUrl target = location == null ? null : response.request().url().resolve(location);
        String where = target != null ? target.toString() : location;
        return new ConfigurationException(vendor, operation, response.code(), where == null
                ? "the server answered with a redirect without a Location; check the connection URL"
                : "the server redirects to '" + printable(where) + "'; set the connection URL to the address that"
                        + " answers directly (redirects are not followed, so that credentials go nowhere else)");
    }

    /** A server-chosen text fit for one line of a message: no control characters, at most 200 characters. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return Texts.cut(clean, 200);
    }

    private static boolean retryableStatus(int status, boolean idempotent) {
        // 429 means the server refused the request unprocessed; gateway errors may follow a processed request.
        return status == 429 || (idempotent && (status == 502 || status == 503 || status == 504));
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
