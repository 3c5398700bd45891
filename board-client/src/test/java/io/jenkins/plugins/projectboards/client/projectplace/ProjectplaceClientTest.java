package io.jenkins.plugins.projectboards.client.projectplace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Projectplace operations, the facade over them, and webhooks, against the documented exchanges. */
public class ProjectplaceClientTest extends ProjectplaceTestSupport {
    private static final String WORKSPACES = """
            [{"id":663309443,"name":"TITLE OF WORKSPACE"},{"id":5,"name":"Ops"}]""";
    private static final BoardRef BOARD = new BoardRef("1358069", "TITLE OF WORKSPACE/Test Board Hooks");

    @Test
    public void boardByWorkspaceAndNameWithColumnsInDisplayOrder() throws Exception {
        token("t1", 2592000);
        json(200, WORKSPACES);
        body("boards.json");
        ProjectplaceClient client = client();
        assertEquals(BOARD, client.resolveBoard("title of workspace/test board hooks"));
        assertEquals(List.of("Planned", "In progress", "Done"),
                client.boards().resolve("TITLE OF WORKSPACE/Test Board Hooks").columns().stream().map(ProjectplaceColumn::name).toList());
        expectTokenRequest();
        expect("t1", "POST", "/2/account/projects", """
                {"sort_by":"+creation_date","filter":{"archive_status":[0]},"limit":100,"row_number":0}""");
        expect("t1", "GET", "/1/projects/663309443/boards", null);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void workspacesArePagedWithLimitAndRowNumber() throws Exception {
        token("t1", 2592000);
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            full.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"name":"W%d"}""".formatted(1000 + i, i));
        }
        json(200, full.append("]").toString());
        json(200, """
                [{"id":7,"name":"Last"}]""");
        assertEquals(101, client().boards().workspaces().size());
        expectTokenRequest();
        assertEquals(0, Json.MAPPER.readTree(take().getBody().readUtf8()).path("row_number").asInt(-1));
        assertEquals(100, Json.MAPPER.readTree(take().getBody().readUtf8()).path("row_number").asInt(-1));
    }

    @Test
    public void pagingStopsAfterAHundredFullPages() {
        StringBuilder full = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            full.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"name":"W%d"}""".formatted(1000 + i, i));
        }
        String page = full.append("]").toString();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                return Fixture.json(200, request.getPath().startsWith("/oauth2")
                        ? """
                                {"access_token":"t1","expires":2592000}""" : page);
            }
        });
        io.jenkins.plugins.projectboards.client.ApiException e = assertThrows(io.jenkins.plugins.projectboards.client.ApiException.class,
                () -> client().boards().workspaces());
        assertEquals("Projectplace POST /2/account/projects: the listing has more than 100 pages of 100 and was stopped"
                + " there; name the object by id", e.getMessage());
        assertEquals(1 + 100, server.getRequestCount());
    }

    @Test
    public void pageThatIsNotAnArrayIsMalformed() {
        token("t1", 2592000);
        json(200, """
                {"error":"none"}""");
        assertEquals("Projectplace POST /2/account/projects (HTTP 200): expected a JSON array of results",
                assertThrows(io.jenkins.plugins.projectboards.client.MalformedResponseException.class,
                        () -> client().boards().workspaces()).getMessage());
    }

    @Test
    public void boardNamesNeedTheirWorkspace() {
        ValidationException e = assertThrows(ValidationException.class, () -> client().resolveBoard("Test Board Hooks"));
        assertEquals("board", e.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void unknownColumnListsTheBoardsColumns() {
        token("t1", 2592000);
        body("board.json");
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> client().resolveColumn(BOARD, "Shipped"));
        assertEquals("Projectplace resolve column: unknown column 'Shipped'; valid columns: Planned, In progress, Done", e.getMessage());
    }

    @Test
    public void createTaskThroughTheFacadeSendsTheDocumentedFields() throws Exception {
        token("t1", 2592000);
        body("board.json");
        json(200, "[]");
        body("card.json");
        Map<String, Object> result = new BoardOperations(client(), "1358069").createTask(new CreateTaskRequest(null, "In progress",
                "TITLE OF CARD", "Built by Jenkins", List.of("release"), "2027-01-15", null, "REL-9", false)).toMap();
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        expect("t1", "POST", "/1/projects/663309443/cards/create-new", """
                {"title":"TITLE OF CARD","board_id":1358069,"column_id":1,\
                "description":"Built by Jenkins\\n\\n[//]: # (project-boards-ref: REL-9)","label_id":12,"due_date":"2027-01-15"}""");
        assertEquals(Map.of("vendor", "Projectplace", "id", "18776663", "url", "https://service.projectplace.com/#direct/card/18776663",
                "board", "TITLE OF WORKSPACE/Test Board Hooks", "column", "In progress", "title", "TITLE OF CARD", "created", true,
                "dryRun", false), result);
    }

    @Test
    public void dryRunCreateOnlyReads() throws Exception {
        token("t1", 2592000);
        body("board.json");
        Map<String, Object> result = new BoardOperations(client(), "1358069").createTask(new CreateTaskRequest(null, null,
                "Deploy", null, List.of(), null, null, null, true)).toMap();
        assertEquals("Planned", result.get("column"));
        assertEquals(true, result.get("dryRun"));
        assertEquals(2, server.getRequestCount());
    }

    /** Issue 16: the move is the one the vendor's connector publishes ({@code move_card}); the card is not read twice. */
    @Test
    public void moveUsesThePublishedMoveAndReportsTheColumns() throws Exception {
        token("t1", 2592000);
        body("card.json");
        body("board.json");
        body("move-card.json");
        Map<String, Object> result = new BoardOperations(client(), null)
                .moveCard(new MoveCardRequest("https://service.projectplace.com/#direct/card/18776663", "Done", null, null, false)).toMap();
        expectTokenRequest();
        expect("t1", "GET", "/1/cards/18776663", null);
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "POST", "/1/external_notifications/1358069/move_card", """
                {"card_id":18776663,"column_id":2}""");
        assertEquals(4, server.getRequestCount());
        assertEquals("In progress", result.get("previousColumn"));
        assertEquals("Done", result.get("column"));
    }

    /** Where the published move is not served, the third-party move keeps the card's activity, as before issue 16. */
    @Test
    public void moveFallsBackToMoveCardsKeepingTheActivity() throws Exception {
        token("t1", 2592000);
        body("card.json");
        body("board.json");
        json(404, """
                {"error":"not found"}""");
        body("card.json");
        json(200, "{}");
        Map<String, Object> result = new BoardOperations(client(), null)
                .moveCard(new MoveCardRequest("https://service.projectplace.com/#direct/card/18776663", "Done", null, null, false)).toMap();
        expectTokenRequest();
        expect("t1", "GET", "/1/cards/18776663", null);
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "POST", "/1/external_notifications/1358069/move_card", """
                {"card_id":18776663,"column_id":2}""");
        expect("t1", "GET", "/1/cards/18776663", null);
        expect("t1", "POST", "/1/boards/1358069/move-cards", """
                {"card_ids":[18776663],"column_id":2,"after_card":null,\
                "swimlane":{"type":"planlet_id","value":978642950}}""");
        assertEquals("In progress", result.get("previousColumn"));
        assertEquals("Done", result.get("column"));
    }

    @Test
    public void commentSendsTheText() throws Exception {
        token("t1", 2592000);
        body("card.json");
        body("board.json");
        json(200, """
                {"id":555,"text":"Released"}""");
        Map<String, Object> result = new BoardOperations(client(), null).commentOnTask(new CommentRequest("18776663", "Released", null, false)).toMap();
        take();
        take();
        take();
        expect("t1", "POST", "/1/cards/18776663/comments/create-new", """
                {"text":"Released"}""");
        assertEquals("555", result.get("commentId"));
        assertEquals("18776663", result.get("id"));
    }

    @Test
    public void subscribeAddsTheTokenAndReusesAnIdenticalSubscription() throws Exception {
        token("t1", 2592000);
        body("board.json");
        json(200, "[]");
        json(200, """
                {"id":"649c37e5fdfaa1bf202a098e"}""");
        ProjectplaceClient client = client();
        WebhookSubscription created = client.subscribeWebhook(BOARD, "https://ci.example/project-boards-webhook/pp", List.of(), "hook-s3cret");
        assertTrue(created.created());
        expectTokenRequest();
        take();
        expect("t1", "GET", "/1/webhooks/list", null);
        expect("t1", "POST", "/1/webhooks", """
                {"artifact_type":"board","artifact_id":1358069,"event_type":["card_status_change"],\
                "project_id":663309443,"webhook":"https://ci.example/project-boards-webhook/pp?token=hook-s3cret"}""");
        String existing = """
                [{"id":"649c37e5fdfaa1bf202a098e","artifact_type":"board","artifact_id":1358069,\
                "event_type":["card_status_change"],"webhook":"https://ci.example/project-boards-webhook/pp?token=hook-s3cret"}]""";
        json(200, existing);
        json(200, existing);
        WebhookSubscription reused = client.subscribeWebhook(BOARD, "https://ci.example/project-boards-webhook/pp", List.of(), "hook-s3cret");
        assertFalse(reused.created());
        assertEquals("649c37e5fdfaa1bf202a098e", reused.id());
        assertFalse(client.webhooks().list().toString().contains("hook-s3cret"));
    }

    @Test
    public void aSubscriptionWhoseTokenWasRotatedGetsTheNewSecret() throws Exception {
        token("t1", 2592000);
        body("board.json");
        json(200, """
                [{"id":"649c37e5fdfaa1bf202a098e","artifact_type":"board","artifact_id":1358069,\
                "event_type":["card_status_change"],"webhook":"https://ci.example/project-boards-webhook/pp?token=old-secret"}]""");
        json(200, "{}");
        WebhookSubscription reused = client().subscribeWebhook(BOARD, "https://ci.example/project-boards-webhook/pp", List.of(), "new-s3cret");
        assertFalse(reused.created());
        assertEquals("649c37e5fdfaa1bf202a098e", reused.id());
        expectTokenRequest();
        take();
        expect("t1", "GET", "/1/webhooks/list", null);
        expect("t1", "PUT", "/1/webhooks/649c37e5fdfaa1bf202a098e/update", """
                {"event_type":["card_status_change"],\
                "webhook":"https://ci.example/project-boards-webhook/pp?token=new-s3cret"}""");
    }

    @Test
    public void subscribeRefusesPlainHttpAndUnknownEvents() {
        ProjectplaceWebhooks webhooks = client().webhooks();
        ProjectplaceBoard board = new ProjectplaceBoard("1", "B", "2", "W", List.of(), List.of());
        assertEquals("url", assertThrows(ValidationException.class, () -> webhooks.subscribe(board, "http://ci/hook", List.of(), "s")).field());
        assertEquals("events", assertThrows(ValidationException.class, () -> webhooks.subscribe(board, "https://ci/hook", List.of("card_created"), "s")).field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void update() throws Exception {
        token("t1", 2592000);
        json(200, "{}");
        client().webhooks().update("649c37e5fdfaa1bf202a098e", "https://ci/new", "s", List.of("card_status_change"));
        expectTokenRequest();
        expect("t1", "PUT", "/1/webhooks/649c37e5fdfaa1bf202a098e/update", """
                {"event_type":["card_status_change"],"webhook":"https://ci/new?token=s"}""");
    }

    @Test
    public void deliveryParsesAndPresentsItsToken() {
        WebhookDelivery delivery = new WebhookDelivery(Map.of(), Map.of("token", List.of("hook-s3cret")),
                Fixture.resource("fixtures/projectplace/webhook-card_status_change.json"));
        ProjectplaceWebhooks webhooks = client().webhooks();
        assertEquals("hook-s3cret", ProjectplaceWebhooks.presentedToken(delivery));
        assertEquals(new BoardEvent(Vendor.PROJECTPLACE, BoardEvent.CARD_MOVED, "card_status_change", "1358069", "Test Board Hooks",
                "18776663", "TITLE OF CARD", "https://service.projectplace.com/#direct/card/18776663", null, "1", null),
                webhooks.parse(delivery));
    }

    /** A direct_url that is a script or points off the web application shows as the card's usual link instead. */
    @Test
    public void hostileDirectUrlIsReplacedByTheCardsUsualLink() throws Exception {
        String card = Fixture.resource("fixtures/projectplace/card.json");
        String usual = "https://service.projectplace.com/#direct/card/18776663";
        token("t1", 2592000);
        server.enqueue(Fixture.json(200, card.replace(usual, "javascript:alert(document.domain)")));
        body("board.json");
        server.enqueue(Fixture.json(200, card.replace(usual, "https://service.projectplace.com.evil.test/#direct/card/18776663")));
        ProjectplaceClient client = client();
        assertEquals(usual, client.findCard(CardRef.id("18776663"), null).orElseThrow().url());
        assertEquals(usual, client.findCard(CardRef.id("18776663"), null).orElseThrow().url());
        expectTokenRequest();
        expect("t1", "GET", "/1/cards/18776663", null);
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "GET", "/1/cards/18776663", null);
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void cardReadFromTheDocumentedShape() throws Exception {
        token("t1", 2592000);
        body("card.json");
        ProjectplaceCard card = client().cards().get("18776663").orElseThrow();
        assertEquals(new ProjectplaceCard("18776663", "TITLE OF CARD", "", "1358069", "1", "978642950",
                "https://service.projectplace.com/#direct/card/18776663", java.time.Instant.parse("2023-06-28T13:49:31Z")), card);
        assertEquals(null, card.reference());
        assertEquals(new ColumnRef("1", "In progress"), new ColumnRef(card.columnId(), "In progress"));
    }
}
