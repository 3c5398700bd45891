package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.failure.JobBuild;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.FailureCardRequest;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * {@code notifyBoard(openOnFailure: …)} on Planka, a job failing twice and then fixed: the exact requests, one card
 * (its reference is the description's marker line), three comments, and the move to the done list.
 */
public class PlankaFailureCardTest extends PlankaTestSupport {
    private static final String DONE = "1915228966319293542";
    private static final String MARKER = "[//]: # (project-boards-ref: app broken since #5)";

    private static FailureCardRequest request(String result, String previous, int number) {
        return new FailureCardRequest(null, "Todo", List.of(), List.of("FAILURE"), "Done",
                new JobBuild("app", "app #" + number, number, "https://ci.example/job/app/" + number + "/", result, previous, 4), false);
    }

    private void boardWith(String cardsJson) {
        json(200, """
                {"item":{},"included":{"cards":[%s]}}""".formatted(cardsJson));
    }

    private String failureCard(String listId) {
        return """
                {"id":"%s","name":"Jenkins job app is broken","listId":"%s","boardId":"%s","position":65536,\
                "description":"Jenkins build app #5 ended FAILURE.\\n\\n%s"}""".formatted(CARD, listId, BOARD, MARKER);
    }

    @Test
    public void failFailFixed() throws Exception {
        BoardOperations operations = new BoardOperations(client(), "Smoke 1795504681/Smoke board");
        projects();
        answer("39-boards-show");
        answer("39-boards-show");
        answer("39-boards-show");
        answer("31-cards-create");
        answer("35-comments-create");
        Map<String, Object> opened = operations.failureCard(request("FAILURE", "SUCCESS", 5)).toMap();
        expect("GET", "/api/projects", null);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("POST", "/api/lists/" + TODO + "/cards", """
                {"type":"project","name":"Jenkins job app is broken","position":65536,
                "description":"Jenkins build app #5 ended FAILURE.\\nhttps://ci.example/job/app/5/\\n\\n\
                Jenkins comments each further broken build here, and comments and moves this card when the job is fixed.\\n\\n%s"}"""
                .formatted(MARKER));
        expect("POST", "/api/cards/" + CARD + "/comments", """
                {"text":"Opened for Jenkins build app #5: FAILURE\\nhttps://ci.example/job/app/5/"}""");
        assertEquals("OPEN", opened.get("action"));

        boardWith(failureCard(TODO));
        answer("35-comments-create");
        Map<String, Object> stillFailing = operations.failureCard(request("FAILURE", "FAILURE", 6)).toMap();
        expect("GET", "/api/boards/" + BOARD, null);
        expect("POST", "/api/cards/" + CARD + "/comments", """
                {"text":"Still failing in Jenkins build app #6: FAILURE\\nhttps://ci.example/job/app/6/"}""");
        assertEquals("STILL_FAILING", stillFailing.get("action"));
        assertEquals(CARD, ((Map<?, ?>) stillFailing.get("card")).get("id"));

        boardWith(failureCard(TODO));
        answer("35-comments-create");
        boardWith(failureCard(TODO));
        answer("34-cards-move");
        Map<String, Object> fixed = operations.failureCard(request("SUCCESS", "FAILURE", 7)).toMap();
        expect("GET", "/api/boards/" + BOARD, null);
        expect("POST", "/api/cards/" + CARD + "/comments", """
                {"text":"Fixed in Jenkins build app #7: SUCCESS\\nhttps://ci.example/job/app/7/"}""");
        expect("GET", "/api/boards/" + BOARD, null);
        expect("PATCH", "/api/cards/" + CARD, """
                {"listId":"%s","position":65536}""".formatted(DONE));
        assertEquals("FIXED", fixed.get("action"));
        assertEquals(true, fixed.get("moved"));
        assertEquals(12, server.getRequestCount());
    }
}
