package io.jenkins.plugins.projectboards.client.http;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

public class HttpCoreTest extends MockServerTest {

    private HttpCore core() {
        return new HttpCore(Vendor.PLANKA, http, options);
    }

    private Request get() {
        return new Request.Builder().url(server.url("/api/things")).build();
    }

    private Request post() {
        return new Request.Builder().url(server.url("/api/things"))
                .post(RequestBody.create("{}", Json.JSON_TYPE)).build();
    }

    @Test
    public void derivedClientKeepsTheCallersPoolAndSetsTimeouts() {
        HttpCore core = new HttpCore(Vendor.PLANKA, http, options.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(7)));
        assertSame(http.connectionPool(), core.client().connectionPool());
        assertSame(http.dispatcher(), core.client().dispatcher());
        assertEquals(3000, core.client().connectTimeoutMillis());
        assertEquals(7000, core.client().readTimeoutMillis());
    }

    @Test
    public void idempotentRequestIsRetriedAfter503WithRetryAfterSeconds() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"));
        server.enqueue(new MockResponse().setBody("ok"));
        HttpResult result = core().execute("list things", get(), true);
        assertEquals(200, result.status());
        assertEquals("ok", result.body());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits);
    }

    @Test
    public void retryAfterAsHttpDateIsMeasuredFromTheClock() {
        // NOW is 12:00:00; the server asks for 12:00:04.
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "Tue, 24 Nov 2026 12:00:04 GMT"));
        server.enqueue(new MockResponse().setBody("ok"));
        core().execute("list things", get(), true);
        assertEquals(List.of(Duration.ofSeconds(4)), sleeper.waits);
    }

    @Test
    public void retryAfterIsCappedByThePolicy() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        server.enqueue(new MockResponse().setBody("ok"));
        core().execute("list things", get(), true);
        assertEquals(List.of(Duration.ofSeconds(30)), sleeper.waits);
    }

    @Test
    public void backoffGrowsExponentiallyAndTheLastAnswerIsReturned() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(502));
        }
        HttpResult result = core().execute("list things", get(), true);
        assertEquals(502, result.status());
        assertEquals(3, server.getRequestCount());
        // jitter 0 → half of 100 ms, then half of 200 ms.
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), sleeper.waits);
    }

    @Test
    public void jitterSpreadsTheSecondHalfOfTheStep() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(1000), Duration.ofMillis(3000), Duration.ZERO);
        assertEquals(Duration.ofMillis(500), policy.backoff(1, 0.0));
        assertEquals(Duration.ofMillis(999), policy.backoff(1, 0.999));
        assertEquals(Duration.ofMillis(1500), policy.backoff(3, 0.0)); // 4000 capped at 3000
    }

    @Test
    public void nonIdempotentRequestIsNotRetriedAfter503() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1"));
        HttpResult result = core().execute("create thing", post(), false);
        assertEquals(503, result.status());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    public void nonIdempotentRequestIsRetriedAfter429BecauseTheServerRefusedIt() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
        server.enqueue(new MockResponse().setBody("made"));
        assertEquals("made", core().execute("create thing", post(), false).body());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    public void serverErrorIsNotRetriedEvenWhenIdempotent() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));
        assertEquals(500, core().execute("list things", get(), true).status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void resetAfterAPostIsNotRetriedAndSaysWhy() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        ConnectionException e = assertThrows(ConnectionException.class, () -> core().execute("create thing", post(), false));
        assertEquals(1, server.getRequestCount());
        assertThat(e.getMessage(), containsString("Planka create thing: request to " + server.getHostName() + ":" + server.getPort()));
        assertThat(e.getMessage(), containsString("not retried because it may already have been applied"));
        assertEquals(0, e.httpStatus());
    }

    @Test
    public void okHttpsOwnSilentRetryNeverResendsAWriteOnAReusedConnection() {
        server.enqueue(new MockResponse().setBody("first"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("a second create"));
        HttpCore core = core();
        assertEquals("first", core.execute("list things", get(), true).body());
        assertThrows(ConnectionException.class, () -> core.execute("create thing", post(), false));
        assertEquals(2, server.getRequestCount());
    }

    /**
     * KE-chain starts a service with a GET that must not be repeated. A server that closes the pooled connection
     * after answering (HTTP/1.0 style, no {@code Connection: close}) must not make that write fail unsent.
     */
    @Test
    public void aWriteNeverGoesOutOnAConnectionTheServerMayHaveClosed() throws Exception {
        server.enqueue(new MockResponse().setBody("listed").setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
        server.enqueue(new MockResponse().setResponseCode(202).setBody("started"));
        HttpCore core = core();
        assertEquals("listed", core.execute("list services", get(), true).body());
        assertEquals("started", core.execute("execute service", get(), false).body());
        assertEquals(2, server.getRequestCount());
        server.takeRequest();
        assertEquals("the write came on a new connection", 0, server.takeRequest().getSequenceNumber());
    }

    @Test
    public void resetOnAGetIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("second"));
        assertEquals("second", core().execute("list things", get(), true).body());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void readTimeoutOnAGetIsRetriedThenReported() {
        HttpCore core = new HttpCore(Vendor.PLANKA, http, options.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("late").setHeadersDelay(1, java.util.concurrent.TimeUnit.SECONDS));
        }
        ConnectionException e = assertThrows(ConnectionException.class, () -> core.execute("list things", get(), true));
        assertThat(e.getMessage(), containsString("timed out after 3 attempts"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void refusedConnectionIsRetriedEvenForAPostBecauseNothingWasSent() throws Exception {
        int port = server.getPort();
        server.shutdown();
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/api/things")
                .post(RequestBody.create("{}", Json.JSON_TYPE)).build();
        ConnectionException e = assertThrows(ConnectionException.class, () -> core().execute("create thing", request, false));
        assertThat(e.getMessage(), containsString("after 3 attempts"));
        assertThat(e.getMessage(), not(containsString("may already have been applied")));
        assertEquals(2, sleeper.waits.size());
    }

    @Test
    public void redirectIsNotFollowedAndNamesItsTarget() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", elsewhere.url("/api/things")));
            Request withKey = post().newBuilder().header("X-Api-Key", "k3y-s3cret").build();
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> core().execute("create thing", withKey, false));
            assertEquals("Planka create thing (HTTP 307): the server redirects to '" + elsewhere.url("/api/things")
                    + "'; set the connection URL to the address that answers directly (redirects are not followed, so that"
                    + " credentials go nowhere else)", e.getMessage());
            assertEquals(1, server.getRequestCount());
            assertEquals(0, elsewhere.getRequestCount());
        }
    }

    @Test
    public void relativeRedirectIsNamedAbsoluteAndNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/planka/api/things"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> core().execute("list things", get(), true));
        assertThat(e.getMessage(), containsString("redirects to '" + server.url("/planka/api/things") + "'"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void answerThatDripsSlowerThanTheCallDeadlineIsCut() {
        // 200 ms per byte never trips the 500 ms read timeout, but 50 bytes take 10 s: the deadline is 0.5 + 2 × 0.5 s.
        HttpCore core = new HttpCore(Vendor.PLANKA, http, options.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)));
        server.enqueue(new MockResponse().setBody("x".repeat(50)).throttleBody(1, 200, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        ConnectionException e = assertThrows(ConnectionException.class, () -> core.execute("create thing", post(), false));
        assertThat(e.getMessage(), containsString("timed out after 1 attempt"));
        assertTrue("gave up at the deadline", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    public void answerLargerThanTheCapIsRefusedNamingTheCap() {
        server.enqueue(new MockResponse().setBody("x".repeat(HttpCore.MAX_BODY_BYTES + 1)));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> core().execute("list things", get(), true));
        assertEquals("Planka list things (HTTP 200): the answer is larger than 4 MiB and was not read", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    /** Without a Content-Length the cap is found while reading: never more than the cap and one byte in memory. */
    @Test
    public void chunkedAnswerLargerThanTheCapIsRefusedToo() {
        server.enqueue(new MockResponse().setChunkedBody("x".repeat(HttpCore.MAX_BODY_BYTES + 1), 64 * 1024));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> core().execute("list things", get(), true));
        assertEquals("Planka list things (HTTP 200): the answer is larger than 4 MiB and was not read", e.getMessage());
    }

    @Test
    public void answerOfExactlyTheCapIsReadAndATruncatingReadKeepsTheBeginning() {
        server.enqueue(new MockResponse().setBody("y".repeat(HttpCore.MAX_BODY_BYTES)));
        server.enqueue(new MockResponse().setBody("z".repeat(HttpCore.MAX_BODY_BYTES + 10)));
        HttpResult whole = core().execute("list things", get(), true);
        assertEquals(HttpCore.MAX_BODY_BYTES, whole.body().length());
        assertEquals(false, whole.truncated());
        HttpResult cut = core().executeTruncating("read log", get(), true);
        assertEquals("z".repeat(HttpCore.MAX_BODY_BYTES), cut.body());
        assertTrue(cut.truncated());
    }

    @Test
    public void byteOrderMarkIsDroppedAndTheDeclaredCharsetIsUsed() {
        server.enqueue(new MockResponse().setBody(new okio.Buffer().write(okio.ByteString.decodeHex("efbbbf")).writeUtf8("""
                {"a":1}""")));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain; charset=ISO-8859-1")
                .setBody(new okio.Buffer().write(new byte[] {(byte) 0xe9})));
        assertEquals("""
                {"a":1}""", core().execute("list things", get(), true).body());
        assertEquals("\u00e9", core().execute("list things", get(), true).body());
    }

    /**
     * JDK 17 says "Connect timed out", older ones "connect timed out": whether a write is retried must not depend on
     * the wording, only on whether it had started going out.
     */
    @Test
    public void connectTimeoutIsRetriedForAPostWhateverItsMessage() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        SocketFactory timesOutOnce = new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        if (connects.incrementAndGet() == 1) {
                            throw new SocketTimeoutException("Connect timed out");
                        }
                        super.connect(endpoint, timeout);
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
        OkHttpClient flaky = http.newBuilder().socketFactory(timesOutOnce).build();
        server.enqueue(new MockResponse().setBody("made"));
        assertEquals("made", new HttpCore(Vendor.PLANKA, flaky, options).execute("create thing", post(), false).body());
        assertEquals(1, server.getRequestCount());
        assertEquals(2, connects.get());
        assertEquals(1, sleeper.waits.size());
    }

    @Test
    public void htmlPageIsReportedAsSuchWithItsTitle() {
        HttpResult page = new HttpResult(502, okhttp3.Headers.of("Content-Type", "text/html"),
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> Json.parse(Vendor.KANBOARD, "getTask", page));
        assertEquals("Kanboard getTask (HTTP 502): expected JSON but received an HTML page titled '502 Bad Gateway';"
                + " check that the URL points at the vendor's API", e.getMessage());
    }

    @Test
    public void garbageAndEmptyBodiesAreMalformedResponses() {
        HttpResult garbage = new HttpResult(200, okhttp3.Headers.of(), """
                {"item": [1, 2""");
        assertThat(assertThrows(MalformedResponseException.class, () -> Json.parse(Vendor.PLANKA, "get card", garbage)).getMessage(),
                containsString("expected JSON but received: '{\"item\": [1, 2'"));
        HttpResult empty = new HttpResult(200, okhttp3.Headers.of(), "");
        assertThat(assertThrows(MalformedResponseException.class, () -> Json.parse(Vendor.PLANKA, "get card", empty)).getMessage(),
                containsString("the body was empty"));
    }

    @Test
    public void missingFieldIsAMalformedResponseNotAnNpe() throws Exception {
        var node = Json.MAPPER.readTree("""
                {"item":{"name":"x"}}""").get("item");
        assertThat(assertThrows(MalformedResponseException.class, () -> Json.require(Vendor.PLANKA, "get card", node, "id")).getMessage(),
                containsString("Planka get card: the answer has no 'id'"));
    }
}
