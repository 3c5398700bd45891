package io.jenkins.plugins.projectboards.client.planka;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/** Planka's failures, the password login's lifecycle, and creates that never make two cards. */
public class PlankaFaultTest extends PlankaTestSupport {

    private static void assertNoSecret(BoardException e) {
        for (String secret : List.of(API_KEY, PASSWORD)) {
            assertThat(e.getMessage(), not(containsString(secret)));
            assertThat(e.toString(), not(containsString(secret)));
        }
    }

    @Test
    public void badApiKeyIsAnAuthenticationErrorWithoutTheKey() {
        answer("07-error-bad-apikey");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client().whoAmI());
        assertEquals("Planka GET /api/users/me (HTTP 401): Planka refused the credentials (Access token is missing, invalid or expired)",
                e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertNoSecret(e);
    }

    /**
     * While one step logs in on a slow server, another step waiting for that login can be aborted: the wait is not a
     * monitor that only the slow answer releases.
     */
    @Test
    public void waitForAnotherStepsLoginEndsWhenInterrupted() throws Exception {
        server.enqueue(Fixture.load("planka/03-login-admin.txt").response().setHeadersDelay(1500, TimeUnit.MILLISECONDS));
        answer("04-users-me-bearer");
        PlankaClient client = passwordClient();
        Thread first = new Thread(client::whoAmI);
        first.start();
        take(); // the first step's login is on its way
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread second = new Thread(() -> {
            try {
                client.comments().list(CARD);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        second.start();
        for (int i = 0; i < 100 && second.getState() == Thread.State.RUNNABLE; i++) {
            Thread.sleep(10);
        }
        long interrupted = System.nanoTime();
        second.interrupt();
        second.join(5000);
        assertTrue("the wait ended at once", System.nanoTime() - interrupted < TimeUnit.MILLISECONDS.toNanos(1000));
        assertEquals("Planka GET /api/cards/{id}/comments: interrupted while waiting for another request to sign in",
                failure.get().getMessage());
        assertEquals(ConnectionException.class, failure.get().getClass());
        first.join(5000);
    }

    @Test
    public void passwordLoginOnceThenBearerForEveryCall() throws Exception {
        answer("03-login-admin");
        answer("04-users-me-bearer");
        answer("36-comments-index");
        PlankaClient client = passwordClient();
        client.whoAmI();
        client.comments().list(CARD);
        RecordedRequest login = take();
        assertEquals("POST", login.getMethod());
        assertEquals("/api/access-tokens", login.getPath());
        assertNull(login.getHeader("Authorization"));
        assertEquals(io.jenkins.plugins.projectboards.client.http.Json.MAPPER.readTree(
                """
                {"emailOrUsername":"admin@example.com","password":"%s"}""".formatted(PASSWORD)),
                io.jenkins.plugins.projectboards.client.http.Json.MAPPER.readTree(login.getBody().readUtf8()));
        // The recorded login answers the placeholder "<JWT>" as the token.
        assertEquals("Bearer <JWT>", take().getHeader("Authorization"));
        assertEquals("Bearer <JWT>", take().getHeader("Authorization"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void expiredTokenIsRenewedOnceAndTheRequestRepeatedOnce() throws Exception {
        json(200, """
                {"item":"token-1"}""");
        answer("06-error-bad-bearer");
        json(200, """
                {"item":"token-2"}""");
        answer("04-users-me-bearer");
        assertEquals("Planka user admin (admin)", passwordClient().whoAmI());
        take();
        assertEquals("Bearer token-1", take().getHeader("Authorization"));
        assertEquals("/api/access-tokens", take().getPath());
        assertEquals("Bearer token-2", take().getHeader("Authorization"));
    }

    @Test
    public void tokenRefusedTwiceIsAnAuthenticationError() {
        json(200, """
                {"item":"token-1"}""");
        answer("06-error-bad-bearer");
        json(200, """
                {"item":"token-2"}""");
        answer("06-error-bad-bearer");
        assertThrows(AuthenticationException.class, () -> passwordClient().whoAmI());
        assertEquals(4, server.getRequestCount());
    }

    /** The API key must not follow a redirect to another host: the redirect is a configuration error instead. */
    @Test
    public void redirectIsNotFollowedWithTheApiKey() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/api/users/me")));
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> client().whoAmI());
            assertEquals("Planka GET /api/users/me (HTTP 302): the server redirects to '" + elsewhere.url("/api/users/me")
                    + "'; set the connection URL to the address that answers directly (redirects are not followed, so that"
                    + " credentials go nowhere else)", e.getMessage());
            expect("GET", "/api/users/me", null);
            assertEquals(1, server.getRequestCount());
            assertEquals(0, elsewhere.getRequestCount());
            assertNoSecret(e);
        }
    }

    /** A 307/308 would make OkHttp re-post the login body, password included, to the redirect target. */
    @Test
    public void redirectedLoginIsNotRepostedElsewhere() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse().setResponseCode(308).setHeader("Location", elsewhere.url("/api/access-tokens")));
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> passwordClient().whoAmI());
            assertThat(e.getMessage(), containsString("Planka POST /api/access-tokens (HTTP 308): the server redirects to '"
                    + elsewhere.url("/api/access-tokens") + "'"));
            assertEquals("/api/access-tokens", take().getPath());
            assertEquals(1, server.getRequestCount());
            assertEquals(0, elsewhere.getRequestCount());
            assertNoSecret(e);
        }
    }

    /** A board made after the list was cached is found: list, miss, list again, hit. */
    @Test
    public void boardMadeAfterTheFirstLookupIsFoundByReadingTheListAgain() throws Exception {
        projects();
        json(200, """
                {"items":[{"id":"2","name":"Ops"}],"included":{"boards":[\
                {"id":"88","name":"Fresh","projectId":"2"}]}}""");
        PlankaClient client = client();
        assertEquals(new BoardRef("77", "Ops/Releases"), client.resolveBoard("Releases"));
        assertEquals(new BoardRef("88", "Ops/Fresh"), client.resolveBoard("Fresh"));
        assertEquals(new BoardRef("88", "Ops/Fresh"), client.resolveBoard("Ops/Fresh"));
        expect("GET", "/api/projects", null);
        expect("GET", "/api/projects", null);
        assertEquals(2, server.getRequestCount());
    }

    /** A board the server says is gone (404) drops the cached list: the next lookup does not hand out its id again. */
    @Test
    public void boardGoneOnTheServerIsDroppedFromTheCache() throws Exception {
        projects();
        json(404, """
                {"code":"E_NOT_FOUND","message":"Board not found"}""");
        json(200, """
                {"items":[{"id":"2","name":"Ops"}],"included":{"boards":[]}}""");
        PlankaClient client = client();
        BoardRef releases = client.resolveBoard("Releases");
        assertThrows(NotFoundException.class, () -> client.columns(releases));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> client.resolveBoard("Releases"));
        assertEquals("Planka resolve board: unknown board 'Releases'; valid boards: (none)", e.getMessage());
        expect("GET", "/api/projects", null);
        expect("GET", "/api/boards/77", null);
        expect("GET", "/api/projects", null);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void wrongPasswordAndPendingTermsAreExplained() {
        answer("01-login-bad-password");
        AuthenticationException wrong = assertThrows(AuthenticationException.class, () -> passwordClient().whoAmI());
        assertEquals("Planka POST /api/access-tokens (HTTP 401): Planka refused the e-mail or user name and password", wrong.getMessage());
        assertNoSecret(wrong);
        answer("10-login-user-terms-pending");
        AuthenticationException terms = assertThrows(AuthenticationException.class, () -> passwordClient().whoAmI());
        assertThat(terms.getMessage(), containsString("must first accept Planka's terms"));
    }

    @Test
    public void missingOrInvalidParamsListPlankasProblems() {
        answer("39-boards-show");
        answer("27-error-card-bad-duedate");
        ValidationException e = assertThrows(ValidationException.class, () -> client().cards().create(BOARD, TODO, "x", null, null, null, Position.BOTTOM));
        assertThat(e.getMessage(), containsString("Planka POST /api/lists/{id}/cards (HTTP 400)"));
        assertThat(e.getMessage(), containsString("missing or invalid parameter"));
    }

    @Test
    public void positionMissingIs422Validation() {
        answer("39-boards-show");
        answer("33-error-move-no-position");
        ValidationException e = assertThrows(ValidationException.class, () -> client().cards().move(CARD, BOARD, DOING, Position.TOP));
        assertThat(e.getMessage(), containsString("(HTTP 422): Position must be present"));
    }

    @Test
    public void adminOnlyEndpointSays404MayMeanNotAdmin() {
        answer("16-error-webhook-non-admin");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client().webhooks().find("https://ci/hook", List.of()));
        assertThat(e.getMessage(), containsString("is not an admin for admin-only calls"));
    }

    @Test
    public void readsAreRetriedAfter503AndTimeouts() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "3"));
        answer("05-users-me-apikey");
        assertEquals("Planka user admin (admin)", client().whoAmI());
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
        PlankaClient slow = new PlankaClient(baseUrl(), PlankaCredentials.apiKey(API_KEY), http,
                options.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{}").setBodyDelay(1, TimeUnit.SECONDS));
        }
        ConnectionException e = assertThrows(ConnectionException.class, () -> slow.users().me());
        assertThat(e.getMessage(), containsString("timed out after 3 attempts"));
        assertNoSecret(e);
    }

    @Test
    public void commentIsNotRetriedAfter500But429IsRetried() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("Internal Server Error"));
        ApiException e = assertThrows(ApiException.class, () -> client().comments().create(CARD, "x"));
        assertEquals("Planka POST /api/cards/{id}/comments (HTTP 500): Planka answered 500", e.getMessage());
        assertEquals(1, server.getRequestCount());
        server.enqueue(new MockResponse().setResponseCode(429));
        answer("35-comments-create");
        assertEquals("Smoke comment", client().comments().create(CARD, "Smoke comment").text());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void htmlAndMalformedAnswers() {
        server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/html")
                .setBody("<!DOCTYPE html><html><head><title>Planka</title></head></html>"));
        assertThat(assertThrows(MalformedResponseException.class, () -> client().comments().create(CARD, "x")).getMessage(),
                containsString("an HTML page titled 'Planka'"));
        json(200, """
                {"item":{"id":""");
        assertThrows(MalformedResponseException.class, () -> client().whoAmI());
    }

    @Test
    public void unknownListListsTheBoardsLists() {
        answer("39-boards-show");
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> client().resolveColumn(new BoardRef(BOARD, "Smoke"), "Shipped"));
        assertEquals("Planka resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done", e.getMessage());
    }

    @Test
    public void lostCreateAnswerFindsTheCardByItsReference() throws Exception {
        answer("39-boards-show");
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        json(200, """
                {"item":{},"included":{"cards":[{"id":"42","name":"Deploy","listId":"%s","boardId":"%s",\
                "position":65536,"description":"[//]: # (project-boards-ref: REL-1)"}]}}""".formatted(TODO, BOARD));
        PlankaCard card = client().cards().create(BOARD, TODO, "Deploy", null, null, "REL-1", Position.BOTTOM);
        assertEquals("42", card.id());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void lostCreateAnswerFindsTheCardByItsReferenceAfterItWasMoved() throws Exception {
        // Something (an automation, a webhook-driven build) moved the card out of the list it was made in.
        answer("39-boards-show");
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        json(200, """
                {"item":{},"included":{"cards":[{"id":"42","name":"Deploy","listId":"%s","boardId":"%s",\
                "position":65536,"description":"[//]: # (project-boards-ref: REL-1)"}]}}""".formatted(DOING, BOARD));
        PlankaCard card = client().cards().create(BOARD, TODO, "Deploy", null, null, "REL-1", Position.BOTTOM);
        assertEquals("42", card.id());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void lostCreateAnswerWithNoTraceIsSentOnceMore() throws Exception {
        answer("39-boards-show");
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        // A same-named card exists, but it was created long before this attempt (NOW is 2026-11-24T12:00Z).
        json(200, """
                {"item":{},"included":{"cards":[{"id":"41","name":"Deploy","listId":"%s","boardId":"%s",\
                "position":1,"createdAt":"2026-01-01T00:00:00.000Z"}]}}""".formatted(TODO, BOARD));
        answer("31-cards-create");
        assertEquals(CARD, client().cards().create(BOARD, TODO, "Deploy", null, null, null, Position.BOTTOM).id());
        take();
        assertEquals("/api/lists/" + TODO + "/cards", take().getPath());
        assertEquals("/api/boards/" + BOARD, take().getPath());
        assertEquals("/api/lists/" + TODO + "/cards", take().getPath());
    }

    @Test
    public void credentialsAndClientNeverShowSecrets() {
        assertEquals("ApiKey[****]", PlankaCredentials.apiKey(API_KEY).toString());
        assertThat(PlankaCredentials.password("admin", PASSWORD).toString(), not(containsString(PASSWORD)));
        assertThat(client().toString(), not(containsString(API_KEY)));
    }
}
