package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.failure.JobBuild;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.FailureCardRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** {@code notifyBoard(openOnFailure: …)} on Kanboard: the exact calls to open, comment on and fix a job's failure card. */
public class KanboardFailureCardTest extends KanboardTestSupport {
    private static final String URL = "https://ci.example/job/app/";
    private static final String REFERENCE = "{\"project_id\":4,\"reference\":\"app broken since #5\"}";

    private BoardOperations operations() {
        return new BoardOperations(appClient(), "Smoke 1795504637");
    }

    private static FailureCardRequest request(String result, String previous, int number, boolean dryRun) {
        return new FailureCardRequest(null, "Backlog", List.of("ci"), List.of("FAILURE"), "Done",
                new JobBuild("app", "app #" + number, number, URL + number + "/", result, previous, 4), dryRun);
    }

    private String taskUrl() {
        return baseUrl() + "/?controller=TaskViewController&action=show&task_id=4";
    }

    @Test
    public void firstFailureCreatesTheCardByReferenceAndCommentsThatItWasOpened() throws Exception {
        projects();
        result("null");
        answer("10-getColumns");
        answer("12-createTask");
        answer("13-getTask");
        result("""
                {"id":1,"username":"admin","role":"app-admin"}""");
        answer("18-createComment");
        Map<String, Object> result = operations().failureCard(request("FAILURE", "SUCCESS", 5, false)).toMap();
        expectCall("getAllProjects", null);
        expectCall("getTaskByReference", REFERENCE);
        expectCall("getColumns", "{\"project_id\":4}");
        expectCall("createTask", """
                {"project_id":4,"title":"Jenkins job app is broken","description":"Jenkins build app #5 ended FAILURE.\\nhttps://ci.example/job/app/5/\\n\\n\
                Jenkins comments each further broken build here, and comments and moves this card when the job is fixed.",\
                "column_id":13,"tags":["ci"],"reference":"app broken since #5"}""");
        expectCall("getTask", "{\"task_id\":4}");
        expectCall("getUserByName", "{\"username\":\"admin\"}");
        expectCall("createComment", """
                {"task_id":4,"user_id":1,"content":"Opened for Jenkins build app #5: FAILURE\\nhttps://ci.example/job/app/5/"}""");
        assertEquals(7, server.getRequestCount());
        assertEquals("OPEN", result.get("action"));
        assertEquals("app broken since #5", result.get("reference"));
        assertEquals("4", ((Map<?, ?>) result.get("card")).get("id"));
    }

    @Test
    public void stillFailingOnlyComments() throws Exception {
        projects();
        answer("15-getTaskByReference");
        answer("10-getColumns");
        result("""
                {"id":1,"username":"admin","role":"app-admin"}""");
        answer("18-createComment");
        Map<String, Object> result = operations().failureCard(request("FAILURE", "FAILURE", 6, false)).toMap();
        expectCall("getAllProjects", null);
        expectCall("getTaskByReference", REFERENCE);
        expectCall("getColumns", "{\"project_id\":4}");
        expectCall("getUserByName", "{\"username\":\"admin\"}");
        expectCall("createComment", """
                {"task_id":4,"user_id":1,"content":"Still failing in Jenkins build app #6: FAILURE\\nhttps://ci.example/job/app/6/"}""");
        assertEquals(5, server.getRequestCount());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("vendor", "Kanboard");
        card.put("id", "4");
        card.put("url", taskUrl());
        card.put("board", "Smoke 1795504637");
        card.put("column", "Ready");
        card.put("title", "Smoke task");
        card.put("dryRun", false);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("action", "STILL_FAILING");
        expected.put("reference", "app broken since #5");
        expected.put("moved", false);
        expected.put("dryRun", false);
        expected.put("card", card);
        assertEquals(expected, result);
    }

    @Test
    public void fixedCommentsThenMovesToTheSuccessColumn() throws Exception {
        projects();
        answer("15-getTaskByReference");
        answer("10-getColumns");
        result("""
                {"id":1,"username":"admin","role":"app-admin"}""");
        answer("18-createComment");
        answer("16-moveTaskPosition");
        Map<String, Object> result = operations().failureCard(request("SUCCESS", "FAILURE", 7, false)).toMap();
        expectCall("getAllProjects", null);
        expectCall("getTaskByReference", REFERENCE);
        expectCall("getColumns", "{\"project_id\":4}");
        expectCall("getUserByName", "{\"username\":\"admin\"}");
        expectCall("createComment", """
                {"task_id":4,"user_id":1,"content":"Fixed in Jenkins build app #7: SUCCESS\\nhttps://ci.example/job/app/7/"}""");
        expectCall("moveTaskPosition", """
                {"project_id":4,"task_id":4,"column_id":16,"position":2147483647,"swimlane_id":0}""");
        assertEquals(6, server.getRequestCount());
        assertEquals("FIXED", result.get("action"));
        assertEquals(true, result.get("moved"));
        assertEquals("Done", ((Map<?, ?>) result.get("card")).get("column"));
    }

    @Test
    public void fixedWithTheCardGoneWritesNothing() throws Exception {
        projects();
        result("null");
        Map<String, Object> result = operations().failureCard(request("SUCCESS", "FAILURE", 7, false)).toMap();
        expectCall("getAllProjects", null);
        expectCall("getTaskByReference", REFERENCE);
        assertEquals(2, server.getRequestCount());
        assertEquals("FIXED_WITHOUT_CARD", result.get("action"));
        assertEquals(null, result.get("card"));
    }

    @Test
    public void healthyAfterHealthySendsNothing() {
        Map<String, Object> result = operations().failureCard(request("SUCCESS", "SUCCESS", 8, false)).toMap();
        assertEquals(0, server.getRequestCount());
        assertEquals("NONE", result.get("action"));
        assertEquals(null, result.get("reference"));
    }

    @Test
    public void dryRunOpenAndFixReadButNeverWrite() throws Exception {
        projects();
        result("null");
        answer("10-getColumns");
        Map<String, Object> open = operations().failureCard(request("FAILURE", "SUCCESS", 5, true)).toMap();
        assertEquals("OPEN", open.get("action"));
        assertEquals(true, open.get("dryRun"));
        assertEquals("Backlog", ((Map<?, ?>) open.get("card")).get("column"));
        assertEquals(null, ((Map<?, ?>) open.get("card")).get("id"));
        BoardOperations operations = operations();
        projects();
        answer("15-getTaskByReference");
        answer("10-getColumns");
        Map<String, Object> fixed = operations.failureCard(request("SUCCESS", "FAILURE", 7, true)).toMap();
        assertEquals(true, fixed.get("moved"));
        assertEquals("Done", ((Map<?, ?>) fixed.get("card")).get("column"));
        List<String> methods = List.of("getAllProjects", "getTaskByReference", "getColumns", "getAllProjects", "getTaskByReference", "getColumns");
        for (String method : methods) {
            assertEquals(method, methodOf(take().getBody().readUtf8()));
        }
        assertEquals(6, server.getRequestCount());
    }

    @Test
    public void anotherResultCountedAsBrokenNamesTheField() {
        FailureCardRequest request = new FailureCardRequest(null, null, List.of(), List.of("ABORTED"), null,
                new JobBuild("app", "app #5", 5, null, "ABORTED", "SUCCESS", 4), false);
        ValidationException e = assertThrows(ValidationException.class, () -> operations().failureCard(request));
        assertEquals("results", e.field());
        assertEquals(0, server.getRequestCount());
    }

    /** The JSON-RPC method a request body calls. */
    private static String methodOf(String body) throws Exception {
        return io.jenkins.plugins.projectboards.client.http.Json.MAPPER.readTree(body).path("method").asText();
    }
}
