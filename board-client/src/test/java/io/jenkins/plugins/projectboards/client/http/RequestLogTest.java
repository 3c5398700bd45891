package io.jenkins.plugins.projectboards.client.http;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.planka.PlankaClient;
import io.jenkins.plugins.projectboards.client.planka.PlankaCredentials;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.LogCapture;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import org.junit.Test;

/** The request log: what one line says, what FINER adds, and that no secret ever reaches it. */
public class RequestLogTest extends MockServerTest {
    private static final List<String> SECRETS = List.of("b3arer-s3cret", "x-ap1-k3y", "c00kie-s3cret", "x-auth-t0ken",
            "q-t0ken", "q-acc3ss", "q-ap1-key", "q-ap1key", "q-pa55word", "b0dy-pa55word", "s3t-c00kie", "usr-pa55");

    private HttpCore core() {
        return new HttpCore(Vendor.PLANKA, http, options);
    }

    private static void assertNoSecret(List<LogRecord> records, List<String> secrets) {
        for (LogRecord record : records) {
            for (String secret : secrets) {
                assertThat(record.getMessage(), not(containsString(secret)));
            }
            assertEquals("the message is all there is", null, record.getParameters());
        }
    }

    @Test
    public void oneFineLinePerExchangeWithStatusTimeAndBytes() {
        server.enqueue(new MockResponse().setBody("twelve bytes"));
        try (LogCapture log = new LogCapture(RequestLog.class, Level.FINE)) {
            core().execute("list things", new Request.Builder().url(server.url("/api/things?page=2")).build(), true);
            assertEquals(1, log.records.size());
            assertEquals(Level.FINE, log.records.get(0).getLevel());
            String line = log.messages().get(0);
            assertTrue(line, line.matches("Planka GET " + java.util.regex.Pattern.quote(server.url("/api/things?page=2").toString())
                    + " -> 200 in \\d+ ms, 12 bytes read"));
        }
    }

    @Test
    public void secretsInHeadersAndQueryAreMaskedAndBodiesNeverLogged() {
        server.enqueue(new MockResponse().setBody("ok").setHeader("Set-Cookie", "session=s3t-c00kie; HttpOnly"));
        HttpUrl url = server.url("/api/things?token=q-t0ken&access_token=q-acc3ss&api_key=q-ap1-key&apikey=q-ap1key"
                + "&password=q-pa55word&page=2");
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer b3arer-s3cret")
                .header("X-Api-Key", "x-ap1-k3y")
                .header("Cookie", "sid=c00kie-s3cret")
                .header("X-Auth-Token", "x-auth-t0ken")
                .header("Accept", "application/json")
                .post(RequestBody.create("{\"password\":\"b0dy-pa55word\"}", Json.JSON_TYPE))
                .build();
        try (LogCapture log = new LogCapture(RequestLog.class, Level.FINEST)) {
            core().execute("create thing", request, false);
            assertEquals(1, log.records.size());
            String[] lines = log.messages().get(0).split("\n");
            assertTrue(lines[0], lines[0].matches("Planka POST " + java.util.regex.Pattern.quote(server.url("/api/things").toString()
                    + "?token=****&access_token=****&api_key=****&apikey=****&password=****&page=2") + " -> 200 in \\d+ ms, 2 bytes read"));
            assertEquals(List.of(
                    "  > Authorization: ****",
                    "  > X-Api-Key: ****",
                    "  > Cookie: ****",
                    "  > X-Auth-Token: ****",
                    "  > Accept: application/json",
                    "  < Content-Length: 2",
                    "  < Set-Cookie: ****"), List.of(lines).subList(1, lines.length));
            assertNoSecret(log.records, SECRETS);
        }
    }

    @Test
    public void userInfoInAUrlIsMasked() {
        HttpUrl url = HttpUrl.get("https://jenkins:usr-pa55@planka.example/api/things?sig=abc&Page=2");
        assertEquals("https://****@planka.example/api/things?sig=****&Page=2", RequestLog.redact(url));
    }

    @Test
    public void noAnswerIsLoggedPerAttempt() throws Exception {
        int port = server.getPort();
        server.shutdown();
        Request refused = new Request.Builder().url("http://127.0.0.1:" + port + "/api/things").build();
        try (LogCapture log = new LogCapture(RequestLog.class, Level.FINE)) {
            assertThrows(ConnectionException.class, () -> core().execute("list things", refused, true));
            assertEquals(3, log.records.size());
            for (String line : log.messages()) {
                assertTrue(line, line.matches("Planka GET http://127\\.0\\.0\\.1:" + port + "/api/things -> no answer \\(ConnectException\\) after \\d+ ms"));
            }
        }
    }

    /** A Planka password login: the password goes in the login's body, the token it answers in every later header. */
    @Test
    public void aPlankaPasswordLoginLeavesNoSecretInTheLog() throws Exception {
        server.enqueue(Fixture.json(200, "{\"item\":\"eyJ-acc3ss-t0ken-s3cret\"}"));
        server.enqueue(Fixture.load("planka/04-users-me-bearer.txt").response());
        try (LogCapture log = new LogCapture(RequestLog.class, Level.FINEST)) {
            new PlankaClient(baseUrl(), PlankaCredentials.password("admin@example.com", "planka-pa55-word"), http, options).whoAmI();
            assertEquals(2, log.records.size());
            assertThat(log.messages().get(1), containsString("\n  > Authorization: ****"));
            assertNoSecret(log.records, List.of("planka-pa55-word", "eyJ-acc3ss-t0ken-s3cret"));
        }
        assertThat(server.takeRequest().getBody().readUtf8(), containsString("planka-pa55-word"));
        assertEquals("Bearer eyJ-acc3ss-t0ken-s3cret", server.takeRequest().getHeader("Authorization"));
    }

    @Test
    public void offUnlessTheLoggerIsAtFine() {
        server.enqueue(new MockResponse().setBody("ok"));
        try (LogCapture log = new LogCapture(RequestLog.class, null)) {
            core().execute("list things", new Request.Builder().url(server.url("/api/things")).build(), true);
            assertEquals(List.of(), log.records);
        }
    }
}
