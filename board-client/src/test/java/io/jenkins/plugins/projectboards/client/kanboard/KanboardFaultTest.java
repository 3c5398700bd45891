package io.jenkins.plugins.projectboards.client.kanboard;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/** How Kanboard's failures reach the caller: typed, named, retried only where that cannot write twice, no secrets. */
public class KanboardFaultTest extends KanboardTestSupport {

    private static void assertNoSecret(BoardException e) {
        assertThat(e.getMessage(), not(containsString(TOKEN)));
        assertThat(e.toString(), not(containsString(TOKEN)));
    }

    @Test
    public void badTokenIsAnAuthenticationErrorWithoutTheToken() {
        answer("03-error-bad-token");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> appClient().whoAmI());
        assertEquals("Kanboard getVersion (HTTP 401): Kanboard refused the application API token (Settings → API)", e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertNoSecret(e);
    }

    @Test
    public void badPasswordWarnsAboutTheLockout() {
        answer("04-error-bad-password");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> userClient("admin", "wrong-pass-123").whoAmI());
        assertThat(e.getMessage(), containsString("more than 6 wrong passwords lock the user"));
        assertThat(e.getMessage(), not(containsString("wrong-pass-123")));
    }

    @Test
    public void forbiddenExplainsTheTwoCauses() {
        answer("07-error-getMe-app");
        assertThat(assertThrows(AuthenticationException.class, () -> appClient().users().me()).getMessage(),
                containsString("needs user credentials, the application token cannot call it"));
        answer("31-error-forbidden-project");
        assertThat(assertThrows(AuthenticationException.class, () -> userClient("u", "p").boards().columns("99")).getMessage(),
                containsString("not a member of this project"));
    }

    @Test
    public void invalidParamsIsAValidationErrorWithKanboardsDetail() {
        answer("28-error-missing-param");
        ValidationException e = assertThrows(ValidationException.class, () -> appClient().cards().get("4"));
        assertEquals("Kanboard getTask (HTTP 200): invalid parameters (Invalid params: Wrong number of arguments)", e.getMessage());
    }

    @Test
    public void parseErrorIsAnApiError() {
        answer("32-error-parse");
        assertThat(assertThrows(ApiException.class, () -> appClient().whoAmI()).getMessage(), containsString("JSON-RPC error -32700"));
    }

    @Test
    public void readsAreRetriedAfter503WithRetryAfter() throws Exception {
        enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "2"));
        answer("10-getColumns");
        assertEquals(4, appClient().boards().columns("4").size());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    public void rateLimitedWritesAreRetriedBecauseNothingWasDone() throws Exception {
        enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        answer("18-createComment");
        assertEquals("4", appClient().comments().create("4", "1", "hello"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void serverErrorOnACommentIsNotRetried() {
        enqueue(new MockResponse().setResponseCode(500).setBody("""
                {"error":{"message":"SQLSTATE[HY000]"}}"""));
        ApiException e = assertThrows(ApiException.class, () -> appClient().comments().create("4", "1", "hello"));
        assertEquals("Kanboard createComment (HTTP 500): Kanboard answered: SQLSTATE[HY000]", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void htmlPageInsteadOfJsonNamesThePage() {
        enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>Login - Kanboard</title></head></html>"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> appClient().whoAmI());
        assertThat(e.getMessage(), containsString("an HTML page titled 'Login - Kanboard'"));
    }

    @Test
    public void malformedJsonIsAMalformedResponse() {
        enqueue(Fixture.json(200, """
                {"jsonrpc":"2.0","result":[{"id":13,"""));
        assertThrows(MalformedResponseException.class, () -> appClient().boards().columns("4"));
    }

    @Test
    public void readTimeoutOnAReadIsRetriedThenReported() {
        KanboardClient client = new KanboardClient(baseUrl(), KanboardCredentials.applicationToken(TOKEN, null), http,
                options.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        ConnectionException e = assertThrows(ConnectionException.class, () -> client.boards().columns("4"));
        assertThat(e.getMessage(), containsString("Kanboard getColumns: request to"));
        assertEquals(3, server.getRequestCount());
        assertNoSecret(e);
    }

    /** A project made after the list was cached is found: the list is read again once, then cached anew. */
    @Test
    public void projectMadeAfterTheFirstLookupIsFoundByReadingTheListAgain() throws Exception {
        projects();
        result("""
                [{"id":4,"name":"Smoke 1795504637","identifier":"SMOKE"},{"id":9,"name":"Fresh","identifier":""}]""");
        KanboardClient client = appClient();
        assertEquals(new BoardRef("4", "Smoke 1795504637"), client.resolveBoard("SMOKE"));
        assertEquals(new BoardRef("9", "Fresh"), client.resolveBoard("Fresh"));
        assertEquals(new BoardRef("9", "Fresh"), client.resolveBoard("Fresh"));
        expectCall("getAllProjects", null);
        expectCall("getAllProjects", null);
        assertEquals(2, server.getRequestCount());
    }

    /** Reading the list again happens once per lookup: a name still unknown fails with the list as it is now. */
    @Test
    public void nameStillUnknownAfterReadingAgainListsTheBoardsAsTheyAreNow() throws Exception {
        projects();
        result("""
                [{"id":5,"name":"Operations","identifier":""}]""");
        KanboardClient client = appClient();
        assertEquals("4", client.resolveBoard("SMOKE").id());
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> client.resolveBoard("Typo"));
        assertEquals("Kanboard resolve project: unknown board 'Typo'; valid boards: Operations", e.getMessage());
        expectCall("getAllProjects", null);
        expectCall("getAllProjects", null);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void unknownColumnListsTheColumns() {
        answer("10-getColumns");
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> appClient().resolveColumn(new BoardRef("4", "Smoke"), "Shipped"));
        assertEquals("Kanboard resolve column: unknown column 'Shipped'; valid columns: Backlog, Ready, Work in progress, Done",
                e.getMessage());
    }

    @Test
    public void lostCreateAnswerWithReferenceReturnsTheTaskInsteadOfASecond() throws Exception {
        enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        answer("15-getTaskByReference");
        KanboardTask task = appClient().cards().create(new KanboardNewTask("4", "Smoke task", null, "14", null, null, null,
                List.of(), null, null, "SMOKE-1795504637"));
        assertEquals("4", task.id());
        expectCall("createTask", """
                {"project_id":4,"title":"Smoke task","column_id":14,"reference":"SMOKE-1795504637"}""");
        expectCall("getTaskByReference", """
                {"project_id":4,"reference":"SMOKE-1795504637"}""");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void lostCreateAnswerWithoutTraceIsSentOnceMore() throws Exception {
        enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        // getAllTasks: a same-titled task, but created long before this attempt (NOW is 2026-11-24T12:00Z).
        result("""
                [{"id":3,"title":"Deploy","project_id":4,"column_id":14,"date_creation":1700000000}]""");
        answer("12-createTask");
        answer("13-getTask");
        assertEquals("4", appClient().cards().create(new KanboardNewTask("4", "Deploy", null, "14", null, null, null,
                List.of(), null, null, null)).id());
        expectCall("createTask", """
                {"project_id":4,"title":"Deploy","column_id":14}""");
        expectCall("getAllTasks", """
                {"project_id":4,"status_id":1}""");
        expectCall("createTask", """
                {"project_id":4,"title":"Deploy","column_id":14}""");
        expectCall("getTask", """
                {"task_id":4}""");
    }

    @Test
    public void lostCreateWhileTheServerStaysDownReportsTheCreate() {
        enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        for (int i = 0; i < 3; i++) {
            enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        }
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> appClient().cards().create(KanboardNewTask.of("4", "Deploy")));
        assertThat(e.getMessage(), containsString("Kanboard createTask"));
        assertThat(e.getMessage(), containsString("not retried because it may already have been applied"));
    }

    @Test
    public void credentialsAndClientNeverShowTheSecret() {
        KanboardClient client = appClient();
        assertThat(client.toString(), not(containsString(TOKEN)));
        assertThat(KanboardCredentials.user("admin", "pa55word").toString(), not(containsString("pa55word")));
        assertEquals("ApplicationToken[token=****, commentUser=admin]", KanboardCredentials.applicationToken(TOKEN, "admin").toString());
    }
}
