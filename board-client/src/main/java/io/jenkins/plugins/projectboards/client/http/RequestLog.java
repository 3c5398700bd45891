package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.Vendor;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The request log, off unless the {@code java.util.logging} logger named after this class is set to {@code FINE}:
 * one line per call once its answer is read (vendor, method, URL, status, time, bytes read), or when no answer came;
 * at {@code FINER} also the request's and the answer's headers. Secrets stay out: the values of query parameters and
 * headers whose names look sensitive ({@code Authorization}, {@code X-Api-Key}, {@code Cookie}, {@code Set-Cookie},
 * {@code X-Auth-Token}, {@code token}, {@code api_key}, {@code password}, …) are masked, user info in a URL too, and
 * bodies are never logged (a Planka login or a Kanboard JSON-RPC call can carry a password in its body).
 */
final class RequestLog implements Interceptor {
    static final String MASK = "****";
    private static final Logger LOGGER = Logger.getLogger(RequestLog.class.getName());
    /** A header or query parameter whose lower-case name contains one of these carries a secret, or may. */
    private static final List<String> SENSITIVE = List.of(
            "auth", "token", "key", "secret", "passw", "pwd", "cookie", "session", "signature", "credential");

    private final Vendor vendor;

    RequestLog(Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOGGER.isLoggable(Level.FINE)) {
            return chain.proceed(request);
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOGGER.fine(describe(request) + " -> no answer (" + e.getClass().getSimpleName() + ") after " + millisSince(started) + " ms"
                    + headers(request, null));
            throw e;
        }
        // chain.proceed answers with a body, as Call.execute does (OkHttp 4's type says nullable; OkHttp 5's says not).
        ResponseBody body = Objects.requireNonNull(response.body(), "chain.proceed() returned a response without a body");
        return response.newBuilder()
                .body(new CountingBody(body, bytes -> LOGGER.fine(answered(request, response, started, bytes))))
                .build();
    }

    private String describe(Request request) {
        return vendor.displayName() + " " + request.method() + " " + redact(request.url());
    }

    private String answered(Request request, Response response, long started, long bytes) {
        return describe(request) + " -> " + response.code() + " in " + millisSince(started) + " ms, " + bytes + " bytes read"
                + headers(request, response);
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** At {@code FINER}: one line per header, {@code >} sent and {@code <} received, sensitive values masked. */
    private static String headers(Request request, Response response) {
        if (!LOGGER.isLoggable(Level.FINER)) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        append(lines, "> ", request.headers());
        if (response != null) {
            append(lines, "< ", response.headers());
        }
        return lines.toString();
    }

    private static void append(StringBuilder lines, String direction, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            lines.append("\n  ").append(direction).append(name).append(": ").append(sensitive(name) ? MASK : headers.value(i));
        }
    }

    /** The URL fit for a log: user info and the values of sensitive query parameters masked. */
    static String redact(HttpUrl url) {
        HttpUrl.Builder safe = url.newBuilder().query(null);
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            safe.username(MASK).password("");
        }
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            safe.addQueryParameter(name, value != null && sensitive(name) ? MASK : value);
        }
        return safe.build().toString();
    }

    static boolean sensitive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("sig") || SENSITIVE.stream().anyMatch(lower::contains);
    }

    /** The answer's body as it is, counting the bytes read from it; the count is reported once, when it is closed. */
    private static final class CountingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        CountingBody(ResponseBody delegate, LongConsumer onClose) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                private long bytes;
                private boolean reported;

                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long read = super.read(sink, byteCount);
                    if (read > 0) {
                        bytes += read;
                    }
                    return read;
                }

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        if (!reported) {
                            reported = true;
                            onClose.accept(bytes);
                        }
                    }
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
