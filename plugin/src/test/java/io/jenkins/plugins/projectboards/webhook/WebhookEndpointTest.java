package io.jenkins.plugins.projectboards.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
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

    private static Map<String, String> bearer(String secret) {
        return Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json");
    }

    private FreeStyleProject job(String events, String toColumn, CaptureEnvironmentBuilder env) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        BoardEventTrigger trigger = new BoardEventTrigger("planka");
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
        assertEquals("over 1 MiB", 413, post("project-boards-webhook/planka", bearer(FakePlanka.WEBHOOK_SECRET),
                "{\"event\":\"cardUpdate\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}"));
        int get = http.send(HttpRequest.newBuilder(URI.create(j.getURL() + "project-boards-webhook/planka")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals("GET", 405, get);
        j.waitUntilNoActivity();
        assertNull(p.getLastBuild());
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
