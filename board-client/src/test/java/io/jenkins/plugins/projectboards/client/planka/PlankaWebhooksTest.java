package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Planka webhooks: subscribe (reusing identical ones), verify the Bearer token, parse recorded deliveries. */
public class PlankaWebhooksTest extends PlankaTestSupport {

    private static WebhookDelivery delivery(String name, String authorization) throws Exception {
        JsonNode recorded = Json.MAPPER.readTree(Fixture.resource("fixtures/planka/webhook-" + name + ".json"));
        return new WebhookDelivery(Map.of("Authorization", authorization), Map.of(), recorded.get("json").toString());
    }

    @Test
    public void identicalSubscriptionIsReused() throws Exception {
        json(200, """
                {"items":[{"id":"9","name":"x","url":"https://ci/hook","accessToken":"s3cret",\
                "events":["cardUpdate","cardCreate"],"excludedEvents":null}]}""");
        WebhookSubscription subscription = client().webhooks().subscribe("https://ci/hook", List.of("cardCreate", "cardUpdate"), "s3cret");
        assertEquals(new WebhookSubscription("9", "https://ci/hook", List.of("cardUpdate", "cardCreate"), null, false), subscription);
        expect("GET", "/api/webhooks", null);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void aReusedWebhookWhoseTokenWasRotatedGetsTheNewSecret() throws Exception {
        json(200, """
                {"items":[{"id":"9","name":"x","url":"https://ci/hook","accessToken":"old-secret",\
                "events":["cardUpdate"],"excludedEvents":null}]}""");
        answer("17-webhooks-create");
        WebhookSubscription subscription = client().webhooks().subscribe("https://ci/hook", List.of("cardUpdate"), "new-s3cret");
        assertEquals(new WebhookSubscription("9", "https://ci/hook", List.of("cardUpdate"), null, false), subscription);
        expect("GET", "/api/webhooks", null);
        expect("PATCH", "/api/webhooks/9", """
                {"accessToken":"new-s3cret"}""");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void newSubscriptionCarriesTheSecretAsAccessToken() throws Exception {
        json(200, """
                {"items":[]}""");
        answer("17-webhooks-create");
        WebhookSubscription subscription = client().subscribeWebhook(null, "http://127.0.0.1:18091/planka-hook", List.of(), "hook-s3cret");
        expect("GET", "/api/webhooks", null);
        expect("POST", "/api/webhooks", """
                {"name":"Jenkins http://127.0.0.1:18091/planka-hook",\
                "url":"http://127.0.0.1:18091/planka-hook","accessToken":"hook-s3cret"}""");
        assertTrue(subscription.created());
        assertEquals("1915228957863576669", subscription.id());
    }

    @Test
    public void delete() throws Exception {
        answer("43-webhooks-delete");
        client().webhooks().delete("1915228957863576669");
        expect("DELETE", "/api/webhooks/1915228957863576669", null);
    }

    @Test
    public void unknownEventNamesAreRefusedBeforeSending() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> client().webhooks().create("x", "https://ci/hook", null, List.of("cardMoved")));
        assertEquals("events", e.field());
        assertTrue(e.getMessage().contains("unknown Planka event(s) [cardMoved]"));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void theProofIsTheBearerToken() throws Exception {
        // WebhookIntake.prove compares it with the connection's secret (WebhookIntakeTest).
        assertEquals("hook-s3cret", PlankaWebhooks.presentedToken(delivery("cardCreate", "Bearer hook-s3cret")));
        assertNull(PlankaWebhooks.presentedToken(delivery("cardCreate", "hook-s3cret")));
    }

    @Test
    public void recordedDeliveriesParse() throws Exception {
        PlankaWebhooks webhooks = client().webhooks();
        BoardEvent created = webhooks.parse(delivery("cardCreate", "Bearer x"));
        assertEquals(BoardEvent.CARD_CREATED, created.type());
        assertEquals("Smoke 1795504681/Smoke board", created.boardName());
        assertEquals("Todo", created.toColumn());
        assertEquals(baseUrl() + "/cards/" + created.cardId(), created.cardUrl());
        BoardEvent moved = webhooks.parse(delivery("cardUpdate-move", "Bearer x"));
        assertEquals(BoardEvent.CARD_MOVED, moved.type());
        assertEquals("Todo", moved.fromColumn());
        assertEquals("Doing", moved.toColumn());
        assertEquals("admin", moved.actor());
        BoardEvent commented = webhooks.parse(delivery("commentCreate", "Bearer x"));
        assertEquals(BoardEvent.CARD_COMMENTED, commented.type());
        assertEquals(CARD, commented.cardId());
        assertEquals(BoardEvent.OTHER, webhooks.parse(delivery("cardLabelCreate", "Bearer x")).type());
        assertEquals(BoardEvent.OTHER, webhooks.parse(delivery("actionCreate-moveCard", "Bearer x")).type());
    }
}
