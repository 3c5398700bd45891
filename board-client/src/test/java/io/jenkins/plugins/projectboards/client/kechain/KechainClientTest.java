package io.jenkins.plugins.projectboards.client.kechain;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/** KE-chain scopes, activities, notifications and the facade over them, against pykechain's recorded exchanges. */
public class KechainClientTest extends KechainTestSupport {
    private static final String SCOPE_QUERY = "/kc/api/v3/scopes.json?status=ACTIVE&name=Bike%20Project&limit=2";

    @Test
    public void scopeByNameWithPykechainsSingleObjectLookup() throws Exception {
        body(200, "scope.json");
        KechainClient client = client();
        assertEquals(new BoardRef(SCOPE, "Bike Project"), client.resolveBoard("Bike Project"));
        assertEquals(new BoardRef(SCOPE, "Bike Project"), client.resolveBoard("Bike Project"));
        expect("GET", SCOPE_QUERY);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void noScopeAndTwoScopes() {
        json(200, """
                {"count":0,"next":null,"previous":null,"results":[]}""");
        assertEquals("KE-chain GET api/v3/scopes.json: no active scope named 'Nope'",
                assertThrows(NotFoundException.class, () -> client().resolveBoard("Nope")).getMessage());
        json(200, """
                {"results":[{"id":"a"},{"id":"b"}]}""");
        ValidationException two = assertThrows(ValidationException.class, () -> client().resolveBoard("Twice"));
        assertEquals("board", two.field());
        assertThat(two.getMessage(), containsString("several objects match active scope named 'Twice'"));
    }

    @Test
    public void executionUrlIsKeptOnTheInstanceAndDroppedOtherwise() throws Exception {
        server.enqueue(execution("RUNNING"));
        String recorded = Fixture.resource("fixtures/kechain/execution-loading.json");
        String recordedUrl = "https://pim3-test.ke-chain.com/api/v3/service_executions/" + EXECUTION + "?format=json";
        json(200, recorded.replace(recordedUrl, "javascript:fetch('/credentials')"));
        json(200, recorded); // the recording's own host is not this connection's
        KechainServices services = client().services();
        assertEquals(executionUrl(), services.execution(EXECUTION).url());
        assertEquals(null, services.execution(EXECUTION).url());
        assertEquals(null, services.execution(EXECUTION).url());
        for (int i = 0; i < 3; i++) {
            expect("GET", "/kc/api/service_executions/" + EXECUTION + ".json");
        }
    }

    @Test
    public void logLargerThanTheCapIsCutWithANote() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("a".repeat(HttpCore.MAX_BODY_BYTES + 5)));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("short log\n"));
        KechainServices services = client().services();
        assertEquals("a".repeat(HttpCore.MAX_BODY_BYTES)
                + "\n… (the log is longer than 4 MiB and was cut here; KE-chain has all of it)\n", services.log(EXECUTION));
        assertEquals("short log\n", services.log(EXECUTION));
        expect("GET", "/kc/api/service_executions/" + EXECUTION + "/log");
        expect("GET", "/kc/api/service_executions/" + EXECUTION + "/log");
    }

    @Test
    public void columnsAreTheTwoStatuses() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> client().resolveColumn(new BoardRef(SCOPE, "Bike"), "Done"));
        assertEquals("KE-chain resolve column: unknown column 'Done'; valid columns: OPEN, COMPLETED", e.getMessage());
        assertEquals("COMPLETED", client().resolveColumn(new BoardRef(SCOPE, "Bike"), "completed").id());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void createTaskUnderTheWorkflowRootWithRefAndTags() throws Exception {
        body(200, "scope.json");
        json(200, """
                {"count":0,"results":[]}""");
        body(201, "activity-completed.json");
        body(200, "activity-completed.json");
        Map<String, Object> result = new BoardOperations(client(), "Bike Project").createTask(new CreateTaskRequest(null, "COMPLETED",
                "TEST ACTIVITY", "built", List.of("ci"), "2027-01-15", null, "test-activity", false)).toMap();
        expect("GET", SCOPE_QUERY);
        expect("GET", "/kc/api/activities.json?ref=test-activity&scope_id=" + SCOPE + "&limit=2");
        RecordedRequest create = expect("POST", "/kc/api/activities.json");
        assertEquals(Json.MAPPER.readTree("""
                {"name":"TEST ACTIVITY","parent_id":"010d6604-45cb-48c4-8457-63f50826a48f",\
                "status":"OPEN","activity_type":"TASK","classification":"WORKFLOW","description":"built",\
                "due_date":"2027-01-15T00:00:00+00:00","tags":["ci"],"ref":"test-activity"}"""),
                Json.MAPPER.readTree(create.getBody().readUtf8()));
        // The recorded answer is already COMPLETED, so no status change follows; the map reports the activity.
        assertEquals(Map.of("vendor", "KE-chain", "id", ACTIVITY, "url", baseUrl() + "/kc/#/scopes/" + SCOPE + "/activities/" + ACTIVITY,
                "board", "Bike Project", "column", "COMPLETED", "title", "TEST ACTIVITY", "created", true, "dryRun", false), result);
    }

    @Test
    public void moveSetsTheStatusWithPykechainsEditBody() throws Exception {
        json(200, Json.MAPPER.readTree(io.jenkins.plugins.projectboards.client.testing.Fixture.resource("fixtures/kechain/activity-completed.json"))
                .toString().replace("COMPLETED", "OPEN"));
        body(200, "scope.json");
        body(200, "activity-completed.json");
        Map<String, Object> result = new BoardOperations(client(), null).moveCard(new MoveCardRequest(ACTIVITY, "Completed", null, null, false)).toMap();
        expect("GET", "/kc/api/activities/" + ACTIVITY + ".json");
        expect("GET", "/kc/api/v3/scopes.json?id=" + SCOPE + "&limit=2");
        RecordedRequest put = expect("PUT", "/kc/api/activities/" + ACTIVITY + ".json");
        assertEquals(Json.MAPPER.readTree("""
                {"id":"%s","status":"COMPLETED"}""".formatted(ACTIVITY)), Json.MAPPER.readTree(put.getBody().readUtf8()));
        assertEquals("OPEN", result.get("previousColumn"));
        assertEquals("COMPLETED", result.get("column"));
    }

    @Test
    public void dryRunMoveOnlyReads() throws Exception {
        body(200, "activity-completed.json");
        body(200, "scope.json");
        Map<String, Object> result = new BoardOperations(client(), null).moveCard(new MoveCardRequest(ACTIVITY, "OPEN", null, null, true)).toMap();
        assertEquals(true, result.get("moved"));
        assertEquals(true, result.get("dryRun"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void commentIsAFormEncodedNotification() throws Exception {
        body(200, "activity-completed.json");
        body(200, "scope.json");
        body(200, "activity-completed.json");
        json(200, """
                {"results":[{"pk":1,"username":"pykechain_user","name":""}]}""");
        body(201, "notification.json");
        Map<String, Object> result = new BoardOperations(client(), null).commentOnTask(new CommentRequest(ACTIVITY, "Build #7 passed", null, false)).toMap();
        take();
        take();
        take();
        expect("GET", "/kc/api/users/get_current_user");
        RecordedRequest post = expect("POST", "/kc/api/v3/notifications.json");
        assertEquals("application/x-www-form-urlencoded", post.getHeader("Content-Type"));
        String url = baseUrl() + "/kc/#/scopes/" + SCOPE + "/activities/" + ACTIVITY;
        // Decoded, because OkHttp 4 writes a space in a form as %20 and OkHttp 5 as +.
        List<String> fields = new java.util.ArrayList<>();
        for (String pair : post.getBody().readUtf8().split("&")) {
            fields.add(java.net.URLDecoder.decode(pair, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(List.of("status=READY", "subject=TEST ACTIVITY", "message=Build #7 passed\n\n" + url, "recipient_users=1",
                "from_user=1", "channels=EMAIL"), fields);
        assertEquals("4cfe3fb1-a6cd-4429-98f8-bf1413377c8a", result.get("commentId"));
        assertEquals(ACTIVITY, result.get("id"));
    }

    @Test
    public void badCredentialsAre403WithKechainsDetail() {
        json(403, """
                {"results":[{"detail":"Invalid username/password."}]}""");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client().whoAmI());
        assertThat(e.getMessage(), containsString("(HTTP 403): KE-chain refused the request (Invalid username/password.)"));
        assertThat(e.getMessage(), not(containsString(TOKEN)));
        assertThat(client().toString(), not(containsString(TOKEN)));
        assertThat(KechainCredentials.basic("u", "pw-s3cret").toString(), not(containsString("pw-s3cret")));
    }

    @Test
    public void validationAndNotFoundDetails() {
        json(400, """
                {"results":["Value 'Not gonna work' is not a valid boolean."]}""");
        assertThat(assertThrows(ValidationException.class, () -> client().cards().setStatus(ACTIVITY, "OPEN")).getMessage(),
                containsString("Value 'Not gonna work' is not a valid boolean."));
        json(404, """
                {"results":[{"detail":"Not found."}]}""");
        assertEquals(java.util.Optional.empty(), client().cards().get("nope"));
    }

    @Test
    public void faultsRetriesAndMalformedAnswers() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "2"));
        json(200, """
                {"results":[{"pk":1,"username":"pykechain_user"}]}""");
        assertEquals("KE-chain user pykechain_user", client().whoAmI());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);
        server.enqueue(new MockResponse().setResponseCode(500).setBody("""
                {"results":["boom"]}"""));
        assertThrows(io.jenkins.plugins.projectboards.client.ApiException.class, () -> client().cards().create(
                new KechainScope(SCOPE, "Bike", "root"), "x", null, null, List.of(), null));
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html><title>KE-chain login</title></html>"));
        assertThat(assertThrows(MalformedResponseException.class, () -> client().users().me()).getMessage(), containsString("KE-chain login"));
        KechainClient slow = new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http, options.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        assertThrows(ConnectionException.class, () -> slow.users().me());
    }

    @Test
    public void lostCreateWithReferenceIsFoundNotRepeated() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        body(200, "activity-completed.json");
        KechainActivity activity = client().cards().create(new KechainScope(SCOPE, "Bike", "root"), "TEST ACTIVITY", null, null, List.of(), "test-activity");
        assertEquals(ACTIVITY, activity.id());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void listsFollowNextLinksAndToleratePlainResults() throws Exception {
        json(200, """
                {"count":3,"next":"%s/kc/api/services.json?scope=%s&limit=100&offset=100","results":[{"id":"a"},{"id":"b"}]}"""
                .formatted(baseUrl(), SCOPE));
        json(200, """
                {"results":[{"id":"c"}]}""");
        KechainTransport transport = new KechainTransport(new io.jenkins.plugins.projectboards.client.http.HttpCore(
                io.jenkins.plugins.projectboards.client.Vendor.KECHAIN, http, options), okhttp3.HttpUrl.get(baseUrl() + "/kc/"), KechainCredentials.token(TOKEN));
        assertEquals(3, transport.list("api/services.json", Map.of("scope", SCOPE)).size());
        expect("GET", "/kc/api/services.json?scope=" + SCOPE + "&limit=100");
        expect("GET", "/kc/api/services.json?scope=" + SCOPE + "&limit=100&offset=100");
    }

    private KechainTransport transport() {
        return new KechainTransport(new io.jenkins.plugins.projectboards.client.http.HttpCore(
                io.jenkins.plugins.projectboards.client.Vendor.KECHAIN, http, options), okhttp3.HttpUrl.get(baseUrl() + "/kc/"),
                KechainCredentials.token(TOKEN));
    }

    /** A next link elsewhere would take the token with it: it is refused, not requested. */
    @Test
    public void nextLinkToAnotherServerIsNotFollowed() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            json(200, """
                    {"next":"%s","results":[{"id":"a"}]}""".formatted(elsewhere.url("/kc/api/services.json?offset=100")));
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> transport().list("api/services.json", Map.of("scope", SCOPE)));
            assertEquals("KE-chain GET api/services.json (HTTP 200): the next page is not on this KE-chain instance ('http://"
                    + elsewhere.getHostName() + ":" + elsewhere.getPort() + "'); it was not requested, so that the credentials go"
                    + " nowhere else", e.getMessage());
            expect("GET", "/kc/api/services.json?scope=" + SCOPE + "&limit=100");
            assertEquals(1, server.getRequestCount());
            assertEquals(0, elsewhere.getRequestCount());
        }
    }

    @Test
    public void listingThatNeverEndsStopsAfterAHundredPages() throws Exception {
        String endless = """
                {"next":"%s/kc/api/services.json?limit=100&offset=100","results":[{"id":"a"}]}""".formatted(baseUrl());
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(endless);
            }
        });
        io.jenkins.plugins.projectboards.client.ApiException e = assertThrows(io.jenkins.plugins.projectboards.client.ApiException.class,
                () -> transport().list("api/services.json", Map.of()));
        assertEquals("KE-chain GET api/services.json: the listing has more than 100 pages of 100 and was stopped there;"
                + " name the object by id", e.getMessage());
        assertEquals(100, server.getRequestCount());
    }

    @Test
    public void webhooksAreNotSupportedByName() {
        NotSupportedException e = assertThrows(NotSupportedException.class, () -> client().subscribeWebhook(null, "https://ci/hook", List.of(), "s"));
        assertThat(e.getMessage(), containsString("KE-chain subscribeWebhook: KE-chain has no webhooks"));
    }
}
