package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.ops.SubscribeWebhookRequest;
import io.jenkins.plugins.projectboards.client.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The Pipeline steps' semantics over the Planka client: maps, dry runs without writes, reference creates, caching. */
public class PlankaOperationsTest extends PlankaTestSupport {
    private static final String BOARD_NAME = "Smoke 1795504681/Smoke board";

    private BoardOperations operations() {
        return new BoardOperations(client(), BOARD_NAME);
    }

    /** Every request received so far, as "METHOD path". */
    private List<String> requests() throws Exception {
        List<String> requests = new ArrayList<>();
        while (server.getRequestCount() > requests.size()) {
            var request = take();
            requests.add(request.getMethod() + " " + request.getPath());
        }
        return requests;
    }

    private String cardWithReference(String id, String listId, String reference) {
        return """
                {"id":"%s","name":"Deploy","listId":"%s","boardId":"%s",\
                "position":65536,"description":"[//]: # (project-boards-ref: %s)"}""".formatted(id, listId, BOARD, reference);
    }

    @Test
    public void existingReferenceIsReturnedNotCreated() throws Exception {
        projects();
        answer("39-boards-show");
        json(200, """
                {"item":{},"included":{"cards":[%s]}}""".formatted(cardWithReference("42", TODO, "REL-1")));
        Map<String, Object> result = operations().createTask(new CreateTaskRequest(null, "Todo", "Deploy", null, List.of(),
                null, null, "REL-1", false)).toMap();
        assertEquals(Map.of("vendor", "Planka", "id", "42", "url", baseUrl() + "/cards/42", "board", BOARD_NAME,
                "column", "Todo", "title", "Deploy", "created", false, "dryRun", false), result);
        assertEquals(List.of("GET /api/projects", "GET /api/boards/" + BOARD, "GET /api/boards/" + BOARD), requests());
    }

    @Test
    public void dryRunValidatesLabelsAndWritesNothing() throws Exception {
        projects();
        answer("39-boards-show");
        json(200, """
                {"items":[{"id":"7","username":"builder","role":"boardUser"}]}""");
        Map<String, Object> result = operations().createTask(new CreateTaskRequest(null, "doing", "Deploy", "notes",
                List.of("bug"), "2027-01-15", "builder", null, true)).toMap();
        assertEquals(true, result.get("created"));
        assertEquals(true, result.get("dryRun"));
        assertEquals("Doing", result.get("column"));
        assertEquals(List.of("GET /api/projects", "GET /api/boards/" + BOARD, "GET /api/users"), requests());
    }

    /** The board's labels were cached with its lists; an unknown label reads the board again once before failing. */
    @Test
    public void unknownLabelFailsBeforeAnyWrite() throws Exception {
        projects();
        answer("39-boards-show");
        answer("39-boards-show");
        assertThrows(UnknownNameException.class, () -> operations().createTask(new CreateTaskRequest(null, null, "Deploy", null,
                List.of("nope"), null, null, null, false)));
        assertEquals(List.of("GET /api/projects", "GET /api/boards/" + BOARD, "GET /api/boards/" + BOARD), requests());
    }

    @Test
    public void createdCardMap() throws Exception {
        projects();
        answer("39-boards-show");
        answer("39-boards-show");
        answer("31-cards-create");
        Map<String, Object> result = operations().createTask(new CreateTaskRequest(null, null, "Smoke card", null, List.of(),
                null, null, null, false)).toMap();
        assertEquals(Map.of("vendor", "Planka", "id", CARD, "url", baseUrl() + "/cards/" + CARD, "board", BOARD_NAME,
                "column", "Todo", "title", "Smoke card", "created", true, "dryRun", false), result);
        assertEquals(List.of("GET /api/projects", "GET /api/boards/" + BOARD, "GET /api/boards/" + BOARD,
                "POST /api/lists/" + TODO + "/cards"), requests());
    }

    @Test
    public void moveMapDryRunAndOneBoardListingForManyMoves() throws Exception {
        answer("38-cards-show");
        projects();
        answer("39-boards-show");
        BoardOperations operations = operations();
        assertEquals(Map.of("vendor", "Planka", "id", CARD, "url", baseUrl() + "/cards/" + CARD, "board", BOARD_NAME,
                "column", "Done", "title", "Smoke card", "dryRun", true, "previousColumn", "Doing", "moved", true),
                operations.moveCard(new MoveCardRequest(CARD, "Done", null, null, true)).toMap());
        for (int i = 0; i < 20; i++) {
            answer("38-cards-show");
            answer("39-boards-show");
            answer("34-cards-move");
            operations.moveCard(new MoveCardRequest(CARD, "Todo", null, null, false));
        }
        List<String> requests = requests();
        assertEquals(1, requests.stream().filter("GET /api/projects"::equals).count());
        assertEquals(20, requests.stream().filter(("PATCH /api/cards/" + CARD)::equals).count());
        // Dry run: the card, the projects and the board's lists, and no PATCH before the real moves.
        assertEquals(List.of("GET /api/cards/" + CARD, "GET /api/projects", "GET /api/boards/" + BOARD, "GET /api/cards/" + CARD),
                requests.subList(0, 4));
    }

    @Test
    public void commentMap() throws Exception {
        answer("38-cards-show");
        projects();
        answer("39-boards-show");
        answer("35-comments-create");
        assertEquals(Map.of("vendor", "Planka", "id", CARD, "url", baseUrl() + "/cards/" + CARD, "board", BOARD_NAME,
                "column", "Doing", "title", "Smoke card", "dryRun", false, "card", CARD, "commentId", "1915228977601971308"),
                operations().commentOnTask(new CommentRequest(baseUrl() + "/cards/" + CARD, "Smoke comment", null, false)).toMap());
    }

    private static final String HOOK = "https://jenkins.example/project-boards-webhook/planka";

    @Test
    public void subscribeWebhookDryRunReportsANewSubscriptionAndWritesNothing() throws Exception {
        projects();
        json(200, """
                {"items":[{"id":"9","name":"x","url":"%s","events":["cardCreate"],"excludedEvents":null}]}""".formatted(HOOK));
        Map<String, Object> result = operations().subscribeWebhook(new SubscribeWebhookRequest(null, HOOK,
                List.of("cardCreate", "cardUpdate"), "hook-s3cret", true)).toMap();
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("vendor", "Planka");
        expected.put("id", null);
        expected.put("url", HOOK);
        expected.put("events", List.of("cardCreate", "cardUpdate"));
        expected.put("board", BOARD_NAME);
        expected.put("created", true);
        expected.put("dryRun", true);
        assertEquals(expected, result);
        assertEquals(List.of("GET /api/projects", "GET /api/webhooks"), requests());
    }

    @Test
    public void subscribeWebhookReusesAnIdenticalOneAndSaysSo() throws Exception {
        projects();
        json(200, """
                {"items":[{"id":"9","name":"x","url":"%s","accessToken":"hook-s3cret",\
                "events":["cardUpdate","cardCreate"],"excludedEvents":null}]}""".formatted(HOOK));
        Map<String, Object> result = operations().subscribeWebhook(new SubscribeWebhookRequest(null, HOOK,
                List.of("cardCreate", "cardUpdate"), "hook-s3cret", false)).toMap();
        assertEquals("9", result.get("id"));
        assertEquals(false, result.get("created"));
        assertEquals(List.of("cardUpdate", "cardCreate"), result.get("events"));
        assertEquals(List.of("GET /api/projects", "GET /api/webhooks"), requests());
    }

    @Test
    public void subscribeWebhookCreatesWithTheSecretAsAccessToken() throws Exception {
        projects();
        json(200, """
                {"items":[]}""");
        answer("17-webhooks-create");
        Map<String, Object> result = operations().subscribeWebhook(new SubscribeWebhookRequest("Smoke 1795504681/Smoke board",
                HOOK, List.of(), "hook-s3cret", false)).toMap();
        assertEquals("1915228957863576669", result.get("id"));
        assertEquals(true, result.get("created"));
        take();
        take();
        expect("POST", "/api/webhooks", """
                {"name":"Jenkins %s","url":"%s","accessToken":"hook-s3cret"}""".formatted(HOOK, HOOK));
    }

    @Test
    public void subscribeWebhookRefusesAMissingOrBadUrlBeforeAnyRequest() {
        ValidationException missing = assertThrows(ValidationException.class, () -> operations().subscribeWebhook(
                new SubscribeWebhookRequest(null, " ", List.of(), null, false)));
        assertEquals("url", missing.field());
        ValidationException bad = assertThrows(ValidationException.class, () -> operations().subscribeWebhook(
                new SubscribeWebhookRequest(null, "jenkins/hook", List.of(), null, false)));
        assertEquals("url", bad.field());
        assertEquals("Planka subscribeWebhook: 'url': not an http(s) URL: 'jenkins/hook'", bad.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void subscribeWebhookRequestNeverPrintsTheSecret() {
        String text = new SubscribeWebhookRequest("b", HOOK, List.of(), "hook-s3cret", false).toString();
        assertEquals(false, text.contains("hook-s3cret"));
    }
}
