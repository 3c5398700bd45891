package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Kanboard's recorded webhook deliveries, parsed and verified. */
public class KanboardWebhooksTest {
    private static final String BASE = "https://kanboard.example";
    private final KanboardWebhooks webhooks = new KanboardWebhooks(BASE);

    /** A recorded delivery ({@code {method, path, headers, json}}) as the endpoint would receive it, with a token. */
    private static WebhookDelivery delivery(String name, String token) throws Exception {
        JsonNode recorded = Json.MAPPER.readTree(Fixture.resource("fixtures/kanboard/webhook-" + name + ".json"));
        return new WebhookDelivery(Map.of("User-Agent", "Kanboard"), Map.of("token", List.of(token)),
                recorded.get("json").toString());
    }

    @Test
    public void createdTask() throws Exception {
        BoardEvent event = webhooks.parse(delivery("task.create", "t"));
        assertEquals(new BoardEvent(Vendor.KANBOARD, BoardEvent.CARD_CREATED, "task.create", "4", "Smoke 1795504637", "4",
                "Smoke task", BASE + "/?controller=TaskViewController&action=show&task_id=4", null, "Ready", null), event);
    }

    @Test
    public void movedTaskCarriesSourceColumnIdAndTargetName() throws Exception {
        BoardEvent event = webhooks.parse(delivery("task.move.column", "t"));
        assertEquals(BoardEvent.CARD_MOVED, event.type());
        assertEquals("14", event.fromColumn());
        assertEquals("Work in progress", event.toColumn());
    }

    @Test
    public void commentNamesItsAuthor() throws Exception {
        BoardEvent event = webhooks.parse(delivery("comment.create", "t"));
        assertEquals(BoardEvent.CARD_COMMENTED, event.type());
        assertEquals("admin", event.actor());
        assertEquals("4", event.cardId());
    }

    @Test
    public void closedTaskIsAnUpdate() throws Exception {
        assertEquals(BoardEvent.CARD_UPDATED, webhooks.parse(delivery("task.close", "t")).type());
    }

    @Test
    public void theProofIsTheTokenParameter() throws Exception {
        // WebhookIntake.prove compares it with the connection's secret (WebhookIntakeTest).
        assertEquals("hook-token-1", KanboardWebhooks.presentedToken(delivery("task.create", "hook-token-1")));
        assertNull(KanboardWebhooks.presentedToken(new WebhookDelivery(Map.of(), Map.of(), "{}")));
    }

    @Test
    public void foreignBodyIsRefused() {
        assertThrows(MalformedResponseException.class,
                () -> webhooks.parse(new WebhookDelivery(Map.of(), Map.of(), """
                        {"event":"cardCreate"}""")));
        assertThrows(MalformedResponseException.class,
                () -> webhooks.parse(new WebhookDelivery(Map.of(), Map.of(), "not json")));
    }

    @Test
    public void aBodyIsReadAsADeliveryNotAsAnAnswer() {
        assertEquals("Kanboard parse webhook: expected JSON but received: 'not json'", assertThrows(MalformedResponseException.class,
                () -> webhooks.parse(new WebhookDelivery(Map.of(), Map.of(), "not json"))).getMessage());
        assertEquals("Kanboard parse webhook: expected JSON but the body was empty", assertThrows(MalformedResponseException.class,
                () -> webhooks.parse(new WebhookDelivery(Map.of(), Map.of(), " "))).getMessage());
        String tooLong = """
                {"event_name":"task.create","x":"%s"}""".formatted("a".repeat(WebhookDelivery.MAX_BODY_BYTES));
        assertEquals("Kanboard parse webhook: a body of " + tooLong.length() + " characters is longer than a delivery may be ("
                        + WebhookDelivery.MAX_BODY_BYTES + ")",
                assertThrows(MalformedResponseException.class,
                        () -> webhooks.parse(new WebhookDelivery(Map.of(), Map.of(), tooLong))).getMessage());
    }

    @Test
    public void aSourceColumnIdBecomesItsNameThroughTheClient() throws Exception {
        try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
            server.enqueue(Fixture.json(200, """
                    {"jsonrpc":"2.0","id":1,"result":[{"id":"14","title":"Ready","position":"1"},\
                    {"id":"15","title":"Work in progress","position":"2"}]}"""));
            server.start();
            KanboardClient client = new KanboardClient(server.url("/jsonrpc.php").toString(), KanboardCredentials.applicationToken("t", null),
                    new okhttp3.OkHttpClient(), io.jenkins.plugins.projectboards.client.ClientOptions.defaults());
            BoardEvent event = io.jenkins.plugins.projectboards.client.webhook.ColumnNames.named(client, webhooks.parse(delivery("task.move.column", "t")),
                    Runnable::run, java.time.Duration.ofSeconds(5));
            assertEquals("Ready", event.fromColumn());
            assertEquals("Work in progress", event.toColumn());
            JsonNode call = Json.MAPPER.readTree(server.takeRequest().getBody().readUtf8());
            assertEquals("getColumns", call.path("method").asText());
            assertEquals(4, call.path("params").path("project_id").asInt());
        }
    }
}
