package io.jenkins.plugins.projectboards.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Deliveries to {@code /project-boards-webhook/planka} as Planka sends them (the recorded card move): the matching
 * job builds with the event's variables, the others do not; bad input gets its 4xx; a burst loses nothing.
 */
public class WebhookEndpointTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Planka's recorded delivery of a card moved from Todo to Doing on "Smoke board". */
    private static String cardMoved() throws Exception {
        JsonNode recorded = Json.MAPPER.readTree(Fixture.resource("fixtures/planka/webhook-cardUpdate-move.json"));
        return recorded.get("json").toString();
    }

    private int post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(j.getURL() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Sends only the head of a POST whose {@code Content-Length} announces {@code length} bytes, and reads the status
     * the endpoint answers without waiting for them: an answer proves the body was never read (reading it would wait
     * until the socket timeout). Sending the bytes instead would race the endpoint's early answer against the reset of
     * a connection closed with unread bytes.
     */
    private int postAnnouncing(String path, Map<String, String> headers, int length) throws Exception {
        URI uri = URI.create(j.getURL() + path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Length: ").append(length).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static Map<String, String> bearer(String secret) {
        return Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json");
    }

    private FreeStyleProject job(String events, String toColumn, CaptureEnvironmentBuilder env) throws Exception {
        return job(null, events, toColumn, env);
    }

    private FreeStyleProject job(String boards, String events, String toColumn, CaptureEnvironmentBuilder env) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        BoardEventTrigger trigger = new BoardEventTrigger("planka");
        trigger.setBoards(boards);
        trigger.setEvents(events);
        trigger.setToColumn(toColumn);
        p.addTrigger(trigger);
        p.setQuietPeriod(0);
        p.getBuildersList().add(env);
        return p;
    }

    @Test
    public void aProvenDeliveryBuildsTheMatchingJobWithTheEventsVariables() throws Exception {
        CaptureEnvironmentBuilder env = new CaptureEnvironmentBuilder();
        FreeStyleProject matching = job("card.moved", "Doing", env);
        FreeStyleProject otherColumn = job("card.moved", "Done", new CaptureEnvironmentBuilder());
        FreeStyleProject otherEvent = job("card.created", null, new CaptureEnvironmentBuilder());

        assertEquals(202, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), cardMoved()));
        // The endpoint answers before the build is scheduled (on the dispatcher's thread).
        long deadline = System.currentTimeMillis() + 30_000;
        while (matching.getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        FreeStyleBuild build = j.waitForCompletion(matching.getLastBuild());
        j.waitUntilNoActivity();
        j.assertBuildStatusSuccess(build);
        assertEquals("card.moved", env.getEnvVars().get("BOARD_EVENT"));
        assertEquals("cardUpdate", env.getEnvVars().get("BOARD_VENDOR_EVENT"));
        assertEquals("Todo", env.getEnvVars().get("BOARD_FROM_COLUMN"));
        assertEquals("Doing", env.getEnvVars().get("BOARD_TO_COLUMN"));
        assertEquals("admin", env.getEnvVars().get("BOARD_ACTOR"));
        assertTrue(env.getEnvVars().get("BOARD_CARD_URL").endsWith("/cards/" + env.getEnvVars().get("BOARD_CARD_ID")));
        BoardEventCause cause = build.getCause(BoardEventCause.class);
        assertEquals("planka", cause.getConnection());
        j.assertLogContains("Started by a Planka event: card.moved of card ", build);
        assertNull(otherColumn.getLastBuild());
        assertNull(otherEvent.getLastBuild());
    }

    @Test
    public void badInputGetsA4xxAndStartsNothing() throws Exception {
        FreeStyleProject p = job(null, null, new CaptureEnvironmentBuilder());
        String moved = cardMoved();
        assertEquals("wrong secret", 403, post("project-boards-webhook/planka", bearer("guess"), moved));
        assertEquals("no secret", 403, post("project-boards-webhook/planka", Map.of(), moved));
        assertEquals("unknown connection, same answer", 403, post("project-boards-webhook/nosuch", bearer(FakePlanka.WEBHOOK_SECRET), moved));
        assertEquals("malformed JSON", 400, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), "{not json"));
        assertEquals("over 1 MiB", 413, postAnnouncing("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET),
                1024 * 1024 + 1));
        int get = http.send(HttpRequest.newBuilder(URI.create(j.getURL() + "project-boards-webhook/planka")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals("GET", 405, get);
        j.waitUntilNoActivity();
        assertNull(p.getLastBuild());
    }

    /** Waits for the first build the dispatcher schedules, and for it to finish. */
    private FreeStyleBuild firstBuild(FreeStyleProject p) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (p.getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        FreeStyleBuild build = j.waitForCompletion(p.getLastBuild());
        j.waitUntilNoActivity();
        return build;
    }

    @Test
    public void theSecretIsCheckedBeforeTheBodyIsRead() throws Exception {
        FreeStyleProject p = job(null, null, new CaptureEnvironmentBuilder());
        int huge = 2 * 1024 * 1024;
        assertEquals("a wrong secret learns nothing about the body", 403, postAnnouncing("project-boards-webhook/planka", bearer("guess"), huge));
        assertEquals("unknown connection, same answer", 403, postAnnouncing("project-boards-webhook/nosuch", bearer("guess"), huge));
        // A token in a form-encoded body is not a token in the query (the servlet's parameter map would mix them).
        BoardsTestSupport.configure(planka.connection(), kanboard());
        assertEquals(403, post("project-boards-webhook/kb", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "token=" + FakePlanka.WEBHOOK_SECRET));
        assertEquals("the query is where Kanboard puts it", 400, post("project-boards-webhook/kb?token=" + FakePlanka.WEBHOOK_SECRET,
                Map.of("Content-Type", "application/json"), "{not json"));
        j.waitUntilNoActivity();
        assertNull(p.getLastBuild());
    }

    private KanboardConnection kanboard() {
        KanboardConnection connection = new KanboardConnection("kb", "http://127.0.0.1:9/jsonrpc.php", "planka-key");
        connection.setWebhookCredentialsId("planka-webhook");
        return connection;
    }

    @Test
    public void aColumnLookupThatFailsKeepsTheIdAndStillBuilds() throws Exception {
        BoardsTestSupport.configure(planka.connection(), kanboard());
        FreeStyleProject p = j.createFreeStyleProject();
        p.addTrigger(new BoardEventTrigger("kb"));
        p.setQuietPeriod(0);
        CaptureEnvironmentBuilder env = new CaptureEnvironmentBuilder();
        p.getBuildersList().add(env);
        ObjectNode delivery = (ObjectNode) Json.MAPPER.readTree(Fixture.resource("fixtures/kanboard/webhook-task.move.column.json")).get("json");
        // A project id Kanboard would never send: the column lookup fails (NumberFormatException) before any request.
        ((ObjectNode) delivery.path("event_data").path("task")).put("project_id", "abc");
        assertEquals(202, post("project-boards-webhook/kb?token=" + FakePlanka.WEBHOOK_SECRET, Map.of("Content-Type", "application/json"),
                delivery.toString()));
        j.assertBuildStatusSuccess(firstBuild(p));
        assertEquals("card.moved", env.getEnvVars().get("BOARD_EVENT"));
        assertEquals("the source column's id stays", "14", env.getEnvVars().get("BOARD_FROM_COLUMN"));
        assertEquals("Work in progress", env.getEnvVars().get("BOARD_TO_COLUMN"));
    }

    @Test
    public void aMisconfiguredConnectionAnswers403NotAServerError() throws Exception {
        // The constructor refuses such a URL; a config.xml saved before the rules held still loads it.
        String element = PlankaConnection.class.getName();
        Files.writeString(j.jenkins.getRootDir().toPath().resolve(ProjectBoardsConfiguration.class.getName() + ".xml"),
                "<" + ProjectBoardsConfiguration.class.getName() + "><connections><" + element + "><name>planka</name>"
                        + "<url>not a url</url><credentialsId>planka-key</credentialsId>"
                        + "<webhookCredentialsId>planka-webhook</webhookCredentialsId></" + element + "></connections>"
                        + "</" + ProjectBoardsConfiguration.class.getName() + ">");
        ProjectBoardsConfiguration.get().load();
        assertEquals("not a url", ProjectBoardsConfiguration.get().connection("planka").getUrl());
        assertEquals(403, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), cardMoved()));
        PlankaConnection noSuchSecret = new PlankaConnection("planka", planka.url(), "planka-key");
        noSuchSecret.setWebhookCredentialsId("nosuch");
        BoardsTestSupport.configure(noSuchSecret);
        assertEquals(403, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), cardMoved()));
    }

    @Test
    public void aPlankaBoardFilterMatchesAsStepsNameTheBoard() throws Exception {
        CaptureEnvironmentBuilder env = new CaptureEnvironmentBuilder();
        FreeStyleProject full = job("Smoke 1795504681/Smoke board", "card.moved", null, env);
        FreeStyleProject bare = job("smoke board", "card.moved", null, new CaptureEnvironmentBuilder());
        FreeStyleProject other = job("Other/Smoke board", "card.moved", null, new CaptureEnvironmentBuilder());
        assertEquals(202, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), cardMoved()));
        j.assertBuildStatusSuccess(firstBuild(full));
        assertEquals("Smoke 1795504681/Smoke board", env.getEnvVars().get("BOARD_NAME"));
        j.assertBuildStatusSuccess(firstBuild(bare));
        assertNull(other.getLastBuild());
    }

    @Test
    public void variablesFromADeliveryAreCleanedAndBounded() throws Exception {
        CaptureEnvironmentBuilder env = new CaptureEnvironmentBuilder();
        FreeStyleProject p = job("card.moved", null, env);
        ObjectNode delivery = (ObjectNode) Json.MAPPER.readTree(cardMoved());
        ((ObjectNode) delivery.path("data").path("item")).put("name", "Deploy\n\u0000$(id)\u001b[2J" + "é".repeat(5000));
        ((ObjectNode) delivery.path("user")).put("username", "eve\r\nBOARD_EVENT=card.deleted");
        assertEquals(202, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), delivery.toString()));
        FreeStyleBuild build = firstBuild(p);
        String title = env.getEnvVars().get("BOARD_CARD_TITLE");
        assertTrue(title, title.startsWith("Deploy$(id)[2Jéé") && title.endsWith("\u2026"));
        assertTrue(title.getBytes(StandardCharsets.UTF_8).length <= 4096);
        assertEquals("eveBOARD_EVENT=card.deleted", env.getEnvVars().get("BOARD_ACTOR"));
        assertEquals("card.moved", env.getEnvVars().get("BOARD_EVENT"));
        j.assertLogNotContains("\u0000", build);
    }

    @Test
    public void aDownstreamBuildPrintsTheBoardEventAmongItsUpstreamCauses() throws Exception {
        FreeStyleProject upstream = job("card.moved", null, new CaptureEnvironmentBuilder());
        assertEquals(202, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), cardMoved()));
        FreeStyleBuild first = firstBuild(upstream);
        j.assertLogContains("Started by a Planka event: card.moved of card ", first);
        FreeStyleProject downstream = j.createFreeStyleProject();
        FreeStyleBuild second = j.assertBuildStatusSuccess(downstream.scheduleBuild2(0, new Cause.UpstreamCause(first)));
        j.assertLogContains("Started by upstream project", second);
        j.assertLogContains("Started by a Planka event: card.moved of card ", second);
    }

    @Test
    public void aFullQueueIsAnsweredLaterNotLost() throws Exception {
        // A connection whose board answers after the column deadline: each event holds its lane that long.
        MockWebServer slow = new MockWebServer();
        slow.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Thread.sleep(5_000);
                return new MockResponse().setResponseCode(500);
            }
        });
        slow.start();
        try {
            KanboardConnection connection = new KanboardConnection("kb", slow.url("/jsonrpc.php").toString(), "planka-key");
            connection.setWebhookCredentialsId("planka-webhook");
            BoardsTestSupport.configure(connection);
            BoardEventDispatcher dispatcher = new BoardEventDispatcher(1);
            BoardEvent moved = new BoardEvent(Vendor.KANBOARD, BoardEvent.CARD_MOVED, "task.move.column", "1", "Shop", "40", "t", null, "11", "Doing", null);
            assertTrue("the first one runs", dispatcher.dispatch("kb", connection.client(), moved));
            Thread.sleep(500);
            assertTrue("one may wait", dispatcher.dispatch("kb", connection.client(), moved));
            assertFalse("the lane is full", dispatcher.dispatch("kb", connection.client(), moved));
            assertTrue("other connections are not held up", dispatcher.dispatch("planka", planka.connection().client(), moved));
        } finally {
            slow.shutdown();
        }
    }

    @Test
    public void aBurstOfOneThousandDeliveriesLosesNone() throws Exception {
        FreeStyleProject p = job("card.moved", null, new CaptureEnvironmentBuilder());
        p.setQuietPeriod(2);
        String moved = cardMoved();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET), moved);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, senders));
            }
            Map<Integer, Long> statuses = answers.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
            assertEquals(Map.of(202, 1000L), statuses);
        } finally {
            senders.shutdownNow();
        }
        // Scheduling runs on its own thread after the answers; wait until every event is in the queue or built.
        long deadline = System.currentTimeMillis() + 120_000;
        int causes = 0;
        while (System.currentTimeMillis() < deadline) {
            j.waitUntilNoActivity();
            causes = 0;
            for (FreeStyleBuild build : p.getBuilds()) {
                for (Cause cause : build.getCauses()) {
                    if (cause instanceof BoardEventCause) {
                        causes++;
                    }
                }
            }
            if (causes >= 1000) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("every delivery is one cause of some build", 1000, causes);
        assertTrue("builds coalesce", p.getBuilds().size() < 1000);
    }
}
