package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Secrets;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardClient;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCredentials;
import io.jenkins.plugins.projectboards.client.kechain.KechainClient;
import io.jenkins.plugins.projectboards.client.kechain.KechainCredentials;
import io.jenkins.plugins.projectboards.client.planka.PlankaClient;
import io.jenkins.plugins.projectboards.client.planka.PlankaCredentials;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.Test;

/**
 * What the inbound endpoint does with a delivery, on the recorded deliveries of real Kanboard and Planka servers:
 * refuse what does not prove its origin, parse what does, and match it against a job's filter. No HTTP is made.
 */
public class WebhookIntakeTest {
    private static final String SECRET = "hook-s3cret-0123456789";
    private final OkHttpClient http = new OkHttpClient();
    private final BoardClient kanboard = new KanboardClient("https://kanboard.example/jsonrpc.php",
            KanboardCredentials.applicationToken("t", "admin"), http, ClientOptions.defaults());
    private final BoardClient planka = new PlankaClient("https://planka.example", PlankaCredentials.apiKey("k"), http, ClientOptions.defaults());

    private static String recorded(String vendor, String name) throws Exception {
        JsonNode recorded = Json.MAPPER.readTree(Fixture.resource("fixtures/" + vendor + "/webhook-" + name + ".json"));
        return recorded.get("json").toString();
    }

    private static WebhookDelivery kanboardDelivery(String name, String token) throws Exception {
        return new WebhookDelivery(Map.of(), token == null ? Map.of() : Map.of("token", List.of(token)), recorded("kanboard", name));
    }

    private static WebhookDelivery plankaDelivery(String name, String authorization) throws Exception {
        return new WebhookDelivery(authorization == null ? Map.of() : Map.of("authorization", authorization), Map.of(), recorded("planka", name));
    }

    /** What the endpoint does: the proof from headers and query, then the body. */
    private static BoardEvent accept(BoardClient client, WebhookDelivery delivery, String secret) {
        WebhookIntake.prove(client.vendor(), new WebhookDelivery(delivery.headers(), delivery.query(), null), null, secret);
        return WebhookIntake.parse(client, delivery);
    }

    @Test
    public void provenDeliveriesOfEachVendorBecomeNormalisedEvents() throws Exception {
        BoardEvent moved = accept(kanboard, kanboardDelivery("task.move.column", SECRET), SECRET);
        assertEquals(Vendor.KANBOARD, moved.vendor());
        assertEquals(BoardEvent.CARD_MOVED, moved.type());
        assertEquals("task.move.column", moved.vendorEvent());
        assertEquals("Work in progress", moved.toColumn());
        BoardEvent commented = accept(planka, plankaDelivery("commentCreate", "Bearer " + SECRET), SECRET);
        assertEquals(Vendor.PLANKA, commented.vendor());
        assertEquals(BoardEvent.CARD_COMMENTED, commented.type());
        assertEquals("commentCreate", commented.vendorEvent());
    }

    @Test
    public void aMissingOrWrongSecretIsForbidden() throws Exception {
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> accept(kanboard, kanboardDelivery("task.create", null), SECRET)).status());
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> accept(kanboard, kanboardDelivery("task.create", SECRET + "x"), SECRET)).status());
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> accept(planka, plankaDelivery("cardCreate", SECRET), SECRET)).status());
        WebhookIntake.Rejected noSecret = assertThrows(WebhookIntake.Rejected.class,
                () -> accept(planka, plankaDelivery("cardCreate", "Bearer "), null));
        assertEquals(403, noSecret.status());
        assertFalse("the reason never carries a secret", noSecret.getMessage().contains(SECRET));
    }

    @Test
    public void oversizedAndMalformedBodiesAreRefusedBeforeParsing() {
        String huge = """
                {"event_name":"task.create","x":"%s"}""".formatted("a".repeat(WebhookIntake.MAX_BODY_BYTES));
        assertEquals(413, assertThrows(WebhookIntake.Rejected.class, () -> accept(kanboard,
                new WebhookDelivery(Map.of(), Map.of("token", List.of(SECRET)), huge), SECRET)).status());
        assertEquals(400, assertThrows(WebhookIntake.Rejected.class, () -> accept(kanboard,
                new WebhookDelivery(Map.of(), Map.of("token", List.of(SECRET)), "{not json"), SECRET)).status());
        assertEquals(400, assertThrows(WebhookIntake.Rejected.class, () -> accept(planka,
                new WebhookDelivery(Map.of("Authorization", "Bearer " + SECRET), Map.of(), """
                        {"hello":1}"""), SECRET)).status());
    }

    @Test
    public void aVendorWithoutWebhooksIsForbiddenLikeAWrongSecret() {
        BoardClient kechain = new KechainClient("https://t.ke-chain.com", KechainCredentials.token("t"), http, ClientOptions.defaults());
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> accept(kechain, new WebhookDelivery(Map.of("Authorization", "Bearer " + SECRET), Map.of(), "{}"), SECRET)).status());
        assertEquals(404, assertThrows(WebhookIntake.Rejected.class,
                () -> WebhookIntake.parse(kechain, new WebhookDelivery(Map.of(), Map.of(), "{}"))).status());
    }

    @Test
    public void anUnknownConnectionIsRefusedLikeAWrongSecretEvenWithTheDecoysShape() throws Exception {
        WebhookIntake.Rejected unknown = assertThrows(WebhookIntake.Rejected.class,
                () -> WebhookIntake.prove(null, plankaDelivery("cardCreate", "Bearer " + SECRET), null, SECRET));
        assertEquals(403, unknown.status());
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> WebhookIntake.prove(Vendor.PLANKA, plankaDelivery("cardCreate", "Bearer "), null, "")).status());
        WebhookIntake.prove(Vendor.PLANKA, plankaDelivery("cardCreate", "Bearer " + SECRET), null, SECRET);
        WebhookIntake.prove(Vendor.PROJECTPLACE, new WebhookDelivery(Map.of(), Map.of("token", List.of(SECRET)), null), null, SECRET);
    }

    @Test
    public void theQueryIsReadFromTheRequestLineOnly() {
        assertEquals(Map.of("token", List.of("a b&c"), "x", List.of("1", "")),
                WebhookDelivery.queryOf("token=a%20b%26c&x=1&x"));
        assertEquals(Map.of(), WebhookDelivery.queryOf(null));
        assertEquals(SECRET, new WebhookDelivery(Map.of(), WebhookDelivery.queryOf("token=" + SECRET), null).queryParameter("token"));
    }

    @Test
    public void plankaBoardsMatchAsStepsNameThem() throws Exception {
        BoardEvent moved = accept(planka, plankaDelivery("cardUpdate-move", "Bearer " + SECRET), SECRET);
        assertEquals("the delivery's project makes the full name", "Smoke 1795504681/Smoke board", moved.boardName());
        assertTrue(EventFilter.of("Smoke 1795504681/Smoke board", null, null).matches(moved));
        assertTrue(EventFilter.of("smoke board", null, null).matches(moved));
        assertTrue(EventFilter.of(moved.boardId(), null, null).matches(moved));
        assertFalse(EventFilter.of("Other/Smoke board", null, null).matches(moved));
        assertFalse(EventFilter.of("Smoke 1795504681", null, null).matches(moved));
    }

    @Test
    public void filterEntriesTheBoardsDoNotKnowAreReported() {
        BoardClient boards = (BoardClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BoardClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("resolveBoard") && "Shop/Web".equals(args[0])) {
                        return new io.jenkins.plugins.projectboards.client.BoardRef("500", "Shop/Web");
                    }
                    throw new io.jenkins.plugins.projectboards.client.UnknownNameException(Vendor.PLANKA, "resolve board", "board",
                            String.valueOf(args[0]), List.of("Shop/Web"));
                });
        assertEquals(List.of(), EventFilter.unmatchableBoards(boards, " Shop/Web "));
        List<String> problems = EventFilter.unmatchableBoards(boards, "Shop/Web, Web Shop\nShop/Web");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("'Web Shop': ") && problems.get(0).contains("Shop/Web"));
        assertEquals(List.of(), EventFilter.unmatchableBoards(boards, null));
    }

    @Test
    public void filtersMatchBoardEventTypeAndTargetColumn() throws Exception {
        BoardEvent moved = accept(kanboard, kanboardDelivery("task.move.column", SECRET), SECRET);
        BoardEvent created = accept(kanboard, kanboardDelivery("task.create", SECRET), SECRET);
        assertTrue(EventFilter.of(null, null, null).matches(moved));
        assertTrue(EventFilter.of("smoke 1795504637", "card.moved", "work in progress").matches(moved));
        assertTrue(EventFilter.of(moved.boardId(), "task.move.column", null).matches(moved));
        assertFalse(EventFilter.of("Operations", null, null).matches(moved));
        assertFalse(EventFilter.of(null, "card.created, card.commented", null).matches(moved));
        assertFalse(EventFilter.of(null, null, "Done").matches(moved));
        assertTrue(EventFilter.of(null, "card.created\ncard.moved", "Ready").matches(created));
        assertEquals(Set.of("card.created", "card.moved"), EventFilter.of(null, " card.created,\nCARD.MOVED ,", null).events());
    }

    @Test
    public void otherEventsMatchOnlyWhenNamed() throws Exception {
        BoardEvent label = accept(planka, plankaDelivery("cardLabelCreate", "Bearer " + SECRET), SECRET);
        assertEquals(BoardEvent.OTHER, label.type());
        assertFalse(EventFilter.of(null, null, null).matches(label));
        assertTrue(EventFilter.of(null, "cardLabelCreate", null).matches(label));
    }

    @Test
    public void secretsCompareWholeValuesOnly() {
        assertTrue(Secrets.constantTimeEquals(SECRET, SECRET));
        assertFalse(Secrets.constantTimeEquals(SECRET, SECRET.substring(0, SECRET.length() - 1)));
        assertFalse(Secrets.constantTimeEquals(SECRET, SECRET + "0"));
        assertFalse(Secrets.constantTimeEquals(SECRET, SECRET.toUpperCase()));
        assertFalse(Secrets.constantTimeEquals("", ""));
        assertFalse(Secrets.constantTimeEquals(SECRET, null));
    }
}
