package io.jenkins.plugins.projectboards.client.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.LogCapture;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/** What {@link HttpCore} tells its listener, event by event, and how {@link HttpEventLog} writes it down. */
public class HttpListenerTest extends MockServerTest {
    private final RecordingHttpListener events = new RecordingHttpListener();

    private HttpCore core() {
        return new HttpCore(Vendor.PLANKA, http, options.withListener(events));
    }

    private Request get() {
        return new Request.Builder().url(server.url("/api/things")).build();
    }

    private Request post() {
        return new Request.Builder().url(server.url("/api/things")).post(RequestBody.create("{}", Json.JSON_TYPE)).build();
    }

    @Test
    public void answer503ThenOkIsOneRetryAfterTheBackoff() {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setBody("ok"));
        assertEquals("ok", core().execute("list things", get(), true).body());
        // jitter 0: half of the 100 ms base delay.
        assertEquals(List.of("Planka list things: answered 503, retry 1/2 in PT0.05S"), events.events);
    }

    @Test
    public void retryAfterIsAWaitForWhatTheServerAskedCappedByThePolicy() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        server.enqueue(new MockResponse().setBody("ok"));
        assertEquals("ok", core().execute("list things", get(), true).body());
        assertEquals(List.of(
                "Planka list things: answered 503 with Retry-After PT7S, retry 1/2 in PT7S",
                "Planka list things: answered 429 with Retry-After PT1H, retry 2/2 in PT30S"), events.events);
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(30)), sleeper.waits);
    }

    @Test
    public void gatewayErrorsUntilTheLastAttemptAreRetriesThenGivingUp() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(502));
        }
        assertEquals(502, core().execute("list things", get(), true).status());
        assertEquals(List.of(
                "Planka list things: answered 502, retry 1/2 in PT0.05S",
                "Planka list things: answered 502, retry 2/2 in PT0.1S",
                "Planka list things: answered 502, gave up after 3 attempts"), events.events);
    }

    @Test
    public void refusedConnectionIsRetriedThenGivenUp() throws Exception {
        int port = server.getPort();
        server.shutdown();
        Request refused = new Request.Builder().url("http://127.0.0.1:" + port + "/api/things").build();
        assertThrows(ConnectionException.class, () -> core().execute("list things", refused, true));
        assertEquals(List.of(
                "Planka list things: no answer (ConnectException), retry 1/2 in PT0.05S",
                "Planka list things: no answer (ConnectException), retry 2/2 in PT0.1S",
                "Planka list things: no answer (ConnectException), gave up after 3 attempts"), events.events);
    }

    /** A write the server may have applied is neither retried nor "given up": the create recovery takes over. */
    @Test
    public void writeAnswered503OrLostIsNoRetryEvent() {
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertEquals(503, core().execute("create thing", post(), false).status());
        assertThrows(ConnectionException.class, () -> core().execute("create thing", post(), false));
        assertEquals(List.of(), events.events);
    }

    @Test
    public void withoutRetriesThereIsNothingToGiveUp() {
        server.enqueue(new MockResponse().setResponseCode(503));
        HttpCore once = new HttpCore(Vendor.PLANKA, http, options.withRetryPolicy(RetryPolicy.none()).withListener(events));
        assertEquals(503, once.execute("list things", get(), true).status());
        assertEquals(List.of(), events.events);
    }

    @Test
    public void delaysAreShownInSecondsWithAtMostOneDecimal() {
        assertEquals("0.3", HttpListener.seconds(Duration.ofMillis(250)));
        assertEquals("0.1", HttpListener.seconds(Duration.ofMillis(100)));
        assertEquals("7", HttpListener.seconds(Duration.ofSeconds(7)));
        assertEquals("60", HttpListener.seconds(Duration.ofSeconds(60)));
        assertEquals("0", HttpListener.seconds(Duration.ZERO));
    }

    @Test
    public void bothTellsTheFirstThenTheSecond() {
        RecordingHttpListener second = new RecordingHttpListener();
        HttpListener both = HttpListener.both(events, second);
        both.lostCreateNotFound(Vendor.KANBOARD, "createTask");
        both.gaveUpAfterStatus(Vendor.KANBOARD, "getTask", 504, 3);
        List<String> expected = List.of("Kanboard createTask: lost create not found, sent again", "Kanboard getTask: answered 504, gave up after 3 attempts");
        assertEquals(expected, events.events);
        assertEquals(expected, second.events);
    }

    @Test
    public void theEventLogWritesOneFineLinePerEvent() {
        List<LogRecord> records;
        try (LogCapture log = new LogCapture(HttpEventLog.class, Level.FINE)) {
            HttpListener events = HttpEventLog.INSTANCE;
            HttpListener.Retry retry = new HttpListener.Retry(Vendor.PLANKA, "PATCH /api/cards/{id}", 1, 2, Duration.ofMillis(450));
            events.retryingAfterStatus(retry, 503);
            events.waitingForRetryAfter(new HttpListener.Retry(Vendor.PLANKA, "GET /api/projects", 2, 2, Duration.ofSeconds(60)), 429,
                    Duration.ofHours(1));
            events.retryingAfterFailure(retry, new ConnectException("Connection refused"));
            events.gaveUpAfterStatus(Vendor.KANBOARD, "getTask", 504, 3);
            events.gaveUpAfterFailure(Vendor.KANBOARD, "getTask", new SocketTimeoutException("timeout"), 3);
            events.lostCreateRecovered(Vendor.KECHAIN, "POST api/activities.json", true);
            events.lostCreateRecovered(Vendor.PROJECTPLACE, "POST /1/projects/{id}/cards/create-new", false);
            events.lostCreateNotFound(Vendor.KANBOARD, "createTask");
            records = log.records;
        }
        assertEquals(List.of(Level.FINE), records.stream().map(LogRecord::getLevel).distinct().toList());
        assertEquals(List.of(
                "Planka PATCH /api/cards/{id}: answered 503; retrying in 0.5 s (retry 1/2)",
                "Planka GET /api/projects: answered 429 with Retry-After 3600 s; retrying in 60 s (retry 2/2)",
                "Planka PATCH /api/cards/{id}: no answer (ConnectException); retrying in 0.5 s (retry 1/2)",
                "Kanboard getTask: answered 504; gave up after 3 attempts",
                "Kanboard getTask: no answer (SocketTimeoutException); gave up after 3 attempts",
                "KE-chain POST api/activities.json: the answer was lost; found the card it made by its reference, not sent again",
                "Projectplace POST /1/projects/{id}/cards/create-new: the answer was lost; found the card it made by its title, not sent again",
                "Kanboard createTask: the answer was lost and nothing it made was found; sending it once more"),
                records.stream().map(LogRecord::getMessage).toList());
    }

    /** Off unless the logger is set to FINE. */
    @Test
    public void theEventLogIsSilentByDefault() {
        try (LogCapture log = new LogCapture(HttpEventLog.class, null)) {
            HttpEventLog.INSTANCE.lostCreateNotFound(Vendor.KANBOARD, "createTask");
            assertEquals(List.of(), log.records);
        }
    }
}
