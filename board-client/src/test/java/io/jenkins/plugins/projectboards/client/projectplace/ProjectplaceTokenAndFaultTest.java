package io.jenkins.plugins.projectboards.client.projectplace;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/** The robot token's lifecycle, and Projectplace's failures. */
public class ProjectplaceTokenAndFaultTest extends ProjectplaceTestSupport {
    private static final String PROFILE = """
            {"first_name":"Build","last_name":"Robot","email":"robot@example.com"}""";

    @Test
    public void oneTokenForManyCalls() throws Exception {
        token("t1", 2592000);
        for (int i = 0; i < 5; i++) {
            json(200, PROFILE);
        }
        ProjectplaceClient client = client();
        for (int i = 0; i < 5; i++) {
            assertEquals("Projectplace robot Build Robot (robot@example.com)", client.whoAmI());
        }
        expectTokenRequest();
        for (int i = 0; i < 5; i++) {
            expect("t1", "GET", "/1/user/me/profile", null);
        }
        assertEquals(6, server.getRequestCount());
    }

    @Test
    public void eightThreadsShareOneTokenFetch() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().equals("/oauth2/access_token")) {
                    Thread.sleep(200); // long enough for every thread to be waiting for the token
                    return Fixture.json(200, """
                            {"access_token":"shared","expires":3600}""");
                }
                return Fixture.json(200, PROFILE);
            }
        });
        ProjectplaceClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit((Callable<String>) client::whoAmI));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS), containsString("Build Robot"));
            }
        } finally {
            pool.shutdownNow();
        }
        int tokenRequests = 0;
        for (int i = 0; i < 9; i++) {
            RecordedRequest request = take();
            if (request.getPath().equals("/oauth2/access_token")) {
                tokenRequests++;
            } else {
                assertEquals("Bearer shared", request.getHeader("Authorization"));
            }
        }
        assertEquals(1, tokenRequests);
    }

    @Test
    public void refusedTokenIsRenewedOnceAndTheCallRepeatedOnce() throws Exception {
        token("t1", 2592000);
        json(401, """
                {"error":"invalid_token"}""");
        token("t2", 2592000);
        json(200, PROFILE);
        client().whoAmI();
        expectTokenRequest();
        expect("t1", "GET", "/1/user/me/profile", null);
        expectTokenRequest();
        expect("t2", "GET", "/1/user/me/profile", null);
    }

    @Test
    public void tokenIsRenewedAMarginBeforeItExpires() throws Exception {
        TestTime clock = new TestTime(NOW);
        ProjectplaceClient client = new ProjectplaceClient(baseUrl(), new ProjectplaceCredentials(CLIENT_ID, CLIENT_SECRET), http,
                options.withTime(clock, sleeper, () -> 0.0));
        server.enqueue(Fixture.json(200, """
                {"access_token":"t1","expires_in":3600}"""));
        json(200, PROFILE);
        json(200, PROFILE);
        token("t2", 3600);
        json(200, PROFILE);
        client.whoAmI();
        clock.now = NOW.plus(Duration.ofMinutes(54)).plusSeconds(59); // 5 min margin: still valid
        client.whoAmI();
        clock.now = NOW.plus(Duration.ofMinutes(55));
        client.whoAmI();
        expectTokenRequest();
        expect("t1", "GET", "/1/user/me/profile", null);
        expect("t1", "GET", "/1/user/me/profile", null);
        expectTokenRequest();
        expect("t2", "GET", "/1/user/me/profile", null);
    }

    @Test
    public void badRobotCredentialsAndUnauthorizedRobot() {
        json(401, """
                {"error":"Invalid client"}""");
        AuthenticationException bad = assertThrows(AuthenticationException.class, () -> client().whoAmI());
        assertEquals("Projectplace POST /oauth2/access_token (HTTP 401): Projectplace refused the robot's client id and secret", bad.getMessage());
        assertNoSecret(bad);
        json(403, "{}");
        assertThat(assertThrows(AuthenticationException.class, () -> client().whoAmI()).getMessage(), containsString("robot account is not authorized"));
    }

    @Test
    public void notFoundMeansMissingOrInvisible() {
        token("t1", 2592000);
        json(404, """
                {"error":"not found"}""");
        assertThrows(NotFoundException.class, () -> client().boards().board("1"));
    }

    @Test
    public void readsRetryAfter503AndWritesDoNotAfter500() throws Exception {
        token("t1", 2592000);
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "4"));
        json(200, PROFILE);
        server.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));
        ProjectplaceClient client = client();
        client.whoAmI();
        assertEquals(List.of(Duration.ofSeconds(4)), sleeper.waits);
        ApiException e = assertThrows(ApiException.class, () -> client.comments().create("1", "x"));
        assertEquals("Projectplace POST /1/cards/1/comments/create-new (HTTP 500): oops", e.getMessage());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void rateLimitedWritesAreRetried() {
        token("t1", 2592000);
        server.enqueue(new MockResponse().setResponseCode(429));
        json(200, """
                {"id":1}""");
        assertEquals("1", client().comments().create("1", "x"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void timeoutsResetsHtmlAndGarbage() {
        ProjectplaceClient slow = new ProjectplaceClient(baseUrl(), new ProjectplaceCredentials(CLIENT_ID, CLIENT_SECRET), http,
                options.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        token("t1", 2592000);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        assertNoSecret(assertThrows(ConnectionException.class, slow::whoAmI));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertThat(assertThrows(ConnectionException.class, () -> slow.comments().create("1", "x")).getMessage(),
                containsString("may already have been applied"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html><title>Sign in</title></html>"));
        assertThat(assertThrows(MalformedResponseException.class, slow::whoAmI).getMessage(), containsString("titled 'Sign in'"));
        json(200, """
                {"first_name":""");
        assertThrows(MalformedResponseException.class, slow::whoAmI);
    }

    @Test
    public void lostCreateIsRecoveredByReference() throws Exception {
        token("t1", 2592000);
        body("board.json");
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        String card = Fixture.resource("fixtures/projectplace/card.json").replace("\"description\": \"\"",
                "\"description\": \"[//]: # (project-boards-ref: REL-9)\"");
        json(200, "[" + card + "]");
        ProjectplaceClient client = client();
        ProjectplaceCard made = client.cards().create(client.boards().board("1358069"), "1", "TITLE OF CARD", null, null, null, null, "REL-9");
        assertEquals("18776663", made.id());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void secretsNeverShow() {
        assertThat(new ProjectplaceCredentials(CLIENT_ID, CLIENT_SECRET).toString(), not(containsString(CLIENT_SECRET)));
        assertThat(client().toString(), not(containsString(CLIENT_SECRET)));
        assertEquals("https://api.projectplace.com",
                new ProjectplaceClient(null, new ProjectplaceCredentials("a", "b"), http, ClientOptions.defaults()).baseUrl());
    }

    private static void assertNoSecret(BoardException e) {
        assertThat(e.getMessage(), not(containsString(CLIENT_SECRET)));
        assertThat(e.toString(), not(containsString("t1")));
    }
}
