package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The Pipeline steps' semantics over the Kanboard client: result maps, dry runs, idempotent creates, cached names. */
public class KanboardOperationsTest extends KanboardTestSupport {

    private BoardOperations operations() {
        return new BoardOperations(appClient(), "Smoke 1795504637");
    }

    private List<String> methodsCalled() throws Exception {
        List<String> methods = new ArrayList<>();
        while (server.getRequestCount() > methods.size()) {
            methods.add(io.jenkins.plugins.projectboards.client.http.Json.MAPPER
                    .readTree(take().getBody().readUtf8()).path("method").asText());
        }
        return methods;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    public void createTaskResultMap() throws Exception {
        projects();
        answer("10-getColumns");
        answer("15-getTaskByReference");
        Map<String, Object> result = operations().createTask(new CreateTaskRequest(null, "Ready", "Smoke task", null,
                List.of(), null, null, "SMOKE-1795504637", false)).toMap();
        // The reference exists: the existing task is returned and nothing is created.
        assertEquals(map("vendor", "Kanboard", "id", "4", "url", baseUrl() + "/?controller=TaskViewController&action=show&task_id=4",
                "board", "Smoke 1795504637", "column", "Ready", "title", "Smoke task", "created", false, "dryRun", false), result);
        assertEquals(List.of("getAllProjects", "getColumns", "getTaskByReference"), methodsCalled());
    }

    @Test
    public void createTaskCreatesWhenTheReferenceIsNew() throws Exception {
        projects();
        answer("10-getColumns");
        result("null");
        answer("12-createTask");
        answer("13-getTask");
        Map<String, Object> result = operations().createTask(new CreateTaskRequest("4", null, "Smoke task", "body",
                List.of("alpha"), "2027-01-15", null, "SMOKE-1795504637", false)).toMap();
        assertEquals(true, result.get("created"));
        assertEquals("4", result.get("id"));
        assertEquals(List.of("getAllProjects", "getColumns", "getTaskByReference", "createTask", "getTask"), methodsCalled());
    }

    @Test
    public void dryRunCreateReadsButNeverWrites() throws Exception {
        projects();
        answer("10-getColumns");
        result("""
                {"id":1,"username":"admin","role":"app-admin"}""");
        Map<String, Object> result = operations().createTask(new CreateTaskRequest(null, "Work in progress", "Deploy",
                null, List.of(), "2027-01-15", "admin", null, true)).toMap();
        assertEquals(map("vendor", "Kanboard", "id", null, "url", null, "board", "Smoke 1795504637",
                "column", "Work in progress", "title", "Deploy", "created", true, "dryRun", true), result);
        assertEquals(List.of("getAllProjects", "getColumns", "getUserByName"), methodsCalled());
    }

    @Test
    public void moveCardResultMapAndCachedColumnsForManyMoves() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        answer("16-moveTaskPosition");
        BoardOperations operations = operations();
        assertEquals(map("vendor", "Kanboard", "id", "4", "url", baseUrl() + "/?controller=TaskViewController&action=show&task_id=4",
                "board", "Smoke 1795504637", "column", "Done", "title", "Smoke task", "dryRun", false,
                "previousColumn", "Ready", "moved", true),
                operations.moveCard(new MoveCardRequest("#4", "Done", null, null, false)).toMap());
        for (int i = 0; i < 99; i++) {
            answer("13-getTask");
            answer("16-moveTaskPosition");
            operations.moveCard(new MoveCardRequest("4", "Done", null, null, false));
        }
        List<String> methods = methodsCalled();
        assertEquals(1, methods.stream().filter("getColumns"::equals).count());
        assertEquals(1, methods.stream().filter("getAllProjects"::equals).count());
        assertEquals(100, methods.stream().filter("moveTaskPosition"::equals).count());
    }

    @Test
    public void moveToTheColumnTheCardIsInWritesNothing() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        assertEquals(false, operations().moveCard(new MoveCardRequest("4", "ready", null, null, false)).toMap().get("moved"));
        assertEquals(List.of("getTask", "getAllProjects", "getColumns"), methodsCalled());
    }

    @Test
    public void dryRunMoveReportsTheMoveWithoutMaking() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        assertEquals(map("vendor", "Kanboard", "id", "4", "url", baseUrl() + "/?controller=TaskViewController&action=show&task_id=4",
                "board", "Smoke 1795504637", "column", "Done", "title", "Smoke task", "dryRun", true,
                "previousColumn", "Ready", "moved", true),
                operations().moveCard(new MoveCardRequest("4", "Done", null, null, true)).toMap());
        assertEquals(List.of("getTask", "getAllProjects", "getColumns"), methodsCalled());
    }

    /** The columns read for the card are cached; a name not among them reads them again once before failing. */
    @Test
    public void unknownColumnFailsBeforeAnyWrite() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        answer("10-getColumns");
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> operations().moveCard(new MoveCardRequest("4", "Shipped", null, null, false)));
        assertEquals(List.of("Backlog", "Ready", "Work in progress", "Done"), e.validNames());
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getColumns"), methodsCalled());
    }

    @Test
    public void commentResultMapAndDryRun() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        result("""
                {"id":1,"username":"admin","role":"app-admin"}""");
        answer("18-createComment");
        String url = baseUrl() + "/?controller=TaskViewController&action=show&task_id=4";
        BoardOperations operations = operations();
        // Kanboard's createComment answers the new comment's id (4 in the recording, like the task's).
        assertEquals(map("vendor", "Kanboard", "id", "4", "url", url, "board", "Smoke 1795504637", "column", "Ready",
                "title", "Smoke task", "dryRun", false, "card", "4", "commentId", "4"),
                operations.commentOnTask(new CommentRequest("#4", "Deployed", null, false)).toMap());
        answer("13-getTask");
        assertEquals(map("vendor", "Kanboard", "id", "4", "url", url, "board", "Smoke 1795504637", "column", "Ready",
                "title", "Smoke task", "dryRun", true, "card", "4", "commentId", null),
                operations.commentOnTask(new CommentRequest("#4", "Deployed", null, true)).toMap());
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getUserByName", "createComment", "getTask"), methodsCalled());
    }
}
