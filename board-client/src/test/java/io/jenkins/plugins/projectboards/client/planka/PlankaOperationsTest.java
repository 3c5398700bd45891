package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
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
        return "{\"id\":\"" + id + "\",\"name\":\"Deploy\",\"listId\":\"" + listId + "\",\"boardId\":\"" + BOARD
                + "\",\"position\":65536,\"description\":\"[//]: # (project-boards-ref: " + reference + ")\"}";
    }

    @Test
    public void existingReferenceIsReturnedNotCreated() throws Exception {
        projects();
        answer("39-boards-show");
        json(200, "{\"item\":{},\"included\":{\"cards\":[" + cardWithReference("42", TODO, "REL-1") + "]}}");
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
        json(200, "{\"items\":[{\"id\":\"7\",\"username\":\"builder\",\"role\":\"boardUser\"}]}");
        Map<String, Object> result = operations().createTask(new CreateTaskRequest(null, "doing", "Deploy", "notes",
                List.of("bug"), "2027-01-15", "builder", null, true)).toMap();
        assertEquals(true, result.get("created"));
        assertEquals(true, result.get("dryRun"));
        assertEquals("Doing", result.get("column"));
        assertEquals(List.of("GET /api/projects", "GET /api/boards/" + BOARD, "GET /api/users"), requests());
    }

    @Test
    public void unknownLabelFailsBeforeAnyWrite() throws Exception {
        projects();
        answer("39-boards-show");
        assertThrows(UnknownNameException.class, () -> operations().createTask(new CreateTaskRequest(null, null, "Deploy", null,
                List.of("nope"), null, null, null, false)));
        assertEquals(List.of("GET /api/projects", "GET /api/boards/" + BOARD), requests());
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
        assertEquals(Map.of("id", CARD, "url", baseUrl() + "/cards/" + CARD, "column", "Done", "previousColumn", "Doing",
                "moved", true, "dryRun", true), operations.moveCard(new MoveCardRequest(CARD, "Done", null, null, true)).toMap());
        for (int i = 0; i < 100; i++) {
            answer("38-cards-show");
            answer("39-boards-show");
            answer("34-cards-move");
            operations.moveCard(new MoveCardRequest(CARD, "Todo", null, null, false));
        }
        List<String> requests = requests();
        assertEquals(1, requests.stream().filter("GET /api/projects"::equals).count());
        assertEquals(100, requests.stream().filter(("PATCH /api/cards/" + CARD)::equals).count());
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
        assertEquals(Map.of("id", "1915228977601971308", "task", CARD, "url", baseUrl() + "/cards/" + CARD, "dryRun", false),
                operations().commentOnTask(new CommentRequest(baseUrl() + "/cards/" + CARD, "Smoke comment", null, false)).toMap());
    }
}
