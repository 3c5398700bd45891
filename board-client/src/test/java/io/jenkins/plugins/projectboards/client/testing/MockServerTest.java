package io.jenkins.plugins.projectboards.client.testing;

import static org.junit.Assert.assertNotNull;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.After;
import org.junit.Before;

/**
 * Base of the contract tests: a fresh MockWebServer, one shared OkHttpClient, and client options with short
 * timeouts, a fixed clock, a recording sleeper and no jitter, so every test is exact and fast.
 */
public abstract class MockServerTest {
    protected static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    protected MockWebServer server;
    protected OkHttpClient http;
    protected RecordingSleeper sleeper;
    protected ClientOptions options;

    @Before
    public void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new OkHttpClient();
        sleeper = new RecordingSleeper();
        options = ClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .withTime(Clock.fixed(NOW, ZoneOffset.UTC), sleeper, () -> 0.0);
    }

    @After
    public void stopServer() throws Exception {
        server.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The server's base URL without a trailing slash, e.g. {@code http://127.0.0.1:40123}. */
    protected String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The next request the server received; fails the test instead of blocking when there is none. */
    protected RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertNotNull("expected one more request", request);
        return request;
    }
}
