package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.FindCardsRequest;
import io.jenkins.plugins.projectboards.client.ops.GetCardRequest;
import io.jenkins.plugins.projectboards.client.ops.UpdateCardRequest;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The getCard, findCards and updateCard operations on Kanboard: their result maps, dry runs, and no-op updates. */
public class KanboardCardOperationsTest extends KanboardTestSupport {

    private BoardOperations operations() {
        return new BoardOperations(appClient(), "Smoke 1795504637");
    }

    /** getTask, the project list, its columns and the task's tags: the recorded task 4. */
    private void recordedTask() {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        answer("14-getTaskTags");
    }

    private void expectReads() throws Exception {
        expectCall("getTask", """
                {"task_id":4}""");
        expectCall("getAllProjects", null);
        expectCall("getColumns", """
                {"project_id":4}""");
        expectCall("getTaskTags", """
                {"task_id":4}""");
    }

    @Test
    public void getCardMapHasTheCoreThenTheDetailsOnlyPlainValues() throws Exception {
        recordedTask();
        Map<String, Object> map = operations().getCard(new GetCardRequest("4", null, false)).toMap();
        assertEquals(List.of("vendor", "id", "url", "board", "column", "title", "dryRun", "description", "labels", "due",
                "assignee", "reference", "closed"), new ArrayList<>(map.keySet()));
        assertEquals(Arrays.asList("Kanboard", "4", baseUrl() + "/?controller=TaskViewController&action=show&task_id=4",
                "Smoke 1795504637", "Ready", "Smoke task", false, "Created by **smoke.sh**", List.of("alpha", "beta"),
                "2027-01-15", null, "SMOKE-1795504637", false), new ArrayList<>(map.values()));
        expectReads();
    }

    @Test
    public void updateThatChangesNothingSendsNoWrite() throws Exception {
        recordedTask();
        Map<String, Object> map = operations().updateCard(new UpdateCardRequest("#4", null, "Smoke task", "", List.of("ALPHA"),
                List.of("gamma"), "2027-01-15", null, false)).toMap();
        assertEquals(List.of(), map.get("changed"));
        assertEquals(false, map.get("dryRun"));
        expectReads();
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void dryRunResolvesTheAssigneeAndSaysWhatWouldChangeWithoutWriting() throws Exception {
        recordedTask();
        answer("06-getMe-user");
        Map<String, Object> map = operations().updateCard(new UpdateCardRequest("4", null, "Renamed", null, List.of("gamma"),
                List.of("beta"), null, "admin", true)).toMap();
        assertEquals(List.of("title", "labels", "assignee"), map.get("changed"));
        assertEquals("Renamed", map.get("title"));
        assertEquals(List.of("alpha", "gamma"), map.get("labels"));
        assertEquals("admin", map.get("assignee"));
        assertEquals(true, map.get("dryRun"));
        expectReads();
        expectCall("getUserByName", """
                {"username":"admin"}""");
        assertEquals(5, server.getRequestCount());
    }

    @Test
    public void updateSendsOnlyWhatDiffers() throws Exception {
        recordedTask();
        result("true");
        Map<String, Object> map = operations().updateCard(new UpdateCardRequest("4", null, "Smoke task", "New text", List.of(),
                List.of(), "2027-02-01", null, false)).toMap();
        assertEquals(List.of("description", "due"), map.get("changed"));
        assertEquals("2027-02-01", map.get("due"));
        expectReads();
        expectCall("updateTask", """
                {"id":4,"description":"New text","date_due":"2027-02-01"}""");
    }

    @Test
    public void findCardsResolvesTheColumnAndReturnsOneMapPerCard() throws Exception {
        projects();
        answer("10-getColumns");
        answer("21-searchTasks-text");
        enqueue(Fixture.json(200, """
                [{"jsonrpc":"2.0","result":{"7":"alpha"},"id":4}]"""));
        List<Map<String, Object>> maps = operations().findCards(new FindCardsRequest(null, "work in progress", List.of(),
                "Smoke", null, null, false)).toMaps();
        assertEquals(1, maps.size());
        assertEquals("Work in progress", maps.get(0).get("column"));
        assertEquals(List.of("alpha"), maps.get(0).get("labels"));
        expectCall("getAllProjects", null);
        expectCall("getColumns", """
                {"project_id":4}""");
        expectCall("searchTasks", """
                {"project_id":4,"query":"column:\\"Work in progress\\" \\"Smoke\\""}""");
    }
}
