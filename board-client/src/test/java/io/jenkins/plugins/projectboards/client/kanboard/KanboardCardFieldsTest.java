package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Test;

/** Reading a task's details: the exact calls and what the caller gets. */
public class KanboardCardFieldsTest extends KanboardTestSupport {
    private static final BoardRef SMOKE = new BoardRef("4", "Smoke 1795504637");

    @Test
    public void detailsByIdReadTheTaskItsTagsAndNameTheColumn() throws Exception {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        answer("14-getTaskTags");
        CardDetails details = appClient().cardDetails(CardRef.parse("#4"), null).orElseThrow();
        assertEquals(new CardDetails(new Card(Vendor.KANBOARD, "4", "Smoke task",
                baseUrl() + "/?controller=TaskViewController&action=show&task_id=4", SMOKE, new ColumnRef("14", "Ready"),
                "SMOKE-1795504637"), "Created by **smoke.sh**", List.of("alpha", "beta"), LocalDate.of(2027, 1, 15), null, false),
                details);
        expectCall("getTask", """
                {"task_id":4}""");
        expectCall("getAllProjects", null);
        expectCall("getColumns", """
                {"project_id":4}""");
        expectCall("getTaskTags", """
                {"task_id":4}""");
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void detailsByReferenceNameTheAssigneeAndSeeAClosedTask() throws Exception {
        result("""
                {"id":9,"title":"Deploy","description":"","project_id":4,"column_id":16,"swimlane_id":4,"position":1,\
                "is_active":0,"reference":"EXT-1","owner_id":1,"date_due":0,"date_creation":1}""");
        projects();
        answer("10-getColumns");
        answer("06-getMe-user");
        result("[]");
        CardDetails details = appClient().cardDetails(CardRef.parse("ref:EXT-1"), SMOKE).orElseThrow();
        assertEquals(new ColumnRef("16", "Done"), details.card().column());
        assertEquals(List.of(), details.labels());
        assertEquals(null, details.due());
        assertEquals(new UserRef("1", "admin"), details.assignee());
        assertEquals(true, details.closed());
        assertEquals("", details.description());
        expectCall("getTaskByReference", """
                {"project_id":4,"reference":"EXT-1"}""");
        expectCall("getAllProjects", null);
        expectCall("getColumns", """
                {"project_id":4}""");
        expectCall("getUser", """
                {"user_id":1}""");
        expectCall("getTaskTags", """
                {"task_id":9}""");
    }

    @Test
    public void anUnknownTaskIsEmptyAfterOneCall() throws Exception {
        answer("30-error-not-found-null");
        assertEquals(Optional.empty(), appClient().cardDetails(CardRef.id("999"), null));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void aReferenceNeedsTheProject() {
        ValidationException e = assertThrows(ValidationException.class, () -> appClient().cardDetails(CardRef.parse("ref:X"), null));
        assertEquals("board", e.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void findSearchesWithKanboardsSyntaxAndReadsTheTagsInOneBatch() throws Exception {
        answer("21-searchTasks-text");
        projects();
        answer("10-getColumns");
        enqueue(Fixture.json(200, """
                [{"jsonrpc":"2.0","result":{"7":"alpha","8":"beta"},"id":4}]"""));
        ColumnRef wip = new ColumnRef("15", "Work in progress");
        List<CardDetails> found = appClient().findCards(SMOKE, new CardQuery(wip, List.of("Alpha"), "smoke", null, 50));
        assertEquals(1, found.size());
        CardDetails card = found.get(0);
        assertEquals("4", card.card().id());
        assertEquals(wip, card.card().column());
        assertEquals(List.of("alpha", "beta"), card.labels());
        assertEquals("Created by **smoke.sh**", card.description());
        expectCall("searchTasks", """
                {"project_id":4,"query":"column:\\"Work in progress\\" tag:\\"Alpha\\" \\"smoke\\""}""");
        expectCall("getAllProjects", null);
        expectCall("getColumns", """
                {"project_id":4}""");
        RecordedRequest batch = take();
        JsonNode calls = Json.MAPPER.readTree(batch.getBody().readUtf8());
        assertEquals(1, calls.size());
        assertEquals("getTaskTags", calls.get(0).path("method").asText());
        assertEquals(Json.MAPPER.readTree("{\"task_id\":4}"), calls.get(0).path("params"));
    }

    @Test
    public void findStopsAtTheLimitAndNamesAssigneesFromTheSearchAnswer() throws Exception {
        result("""
                [{"id":4,"title":"A","project_id":4,"column_id":14,"owner_id":1,"assignee_username":"admin","is_active":1},\
                {"id":5,"title":"B","project_id":4,"column_id":14,"owner_id":0,"is_active":1}]""");
        projects();
        answer("10-getColumns");
        enqueue(Fixture.json(200, """
                [{"jsonrpc":"2.0","result":[],"id":4}]"""));
        List<CardDetails> found = appClient().findCards(SMOKE, new CardQuery(null, List.of(), null, null, 1));
        assertEquals(1, found.size());
        assertEquals(new UserRef("1", "admin"), found.get(0).assignee());
        expectCall("searchTasks", """
                {"project_id":4,"query":""}""");
        take();
        take();
        assertEquals(1, Json.MAPPER.readTree(take().getBody().readUtf8()).size());
        assertEquals(4, server.getRequestCount());
    }

    /** Kanboard ends a quoted value at the next quote: a value with a quote is left to the client, never read as syntax. */
    @Test
    public void userTextCannotAddSearchTerms() {
        assertEquals("tag:\"a column:Done\" \"status:closed\"", KanboardCardFields.searchQuery(
                new CardQuery(null, List.of("a column:Done"), "status:closed", "EXT-1\" column:Done", 5)));
        assertEquals("", KanboardCardFields.searchQuery(new CardQuery(null, List.of(), "say \"hi\"", null, 5)));
    }

    @Test
    public void updateSendsOnlyTheChangedFieldsAndTheWholeNewTagList() throws Exception {
        result("true");
        CardDetails card = new CardDetails(new Card(Vendor.KANBOARD, "4", "Old", "u", SMOKE, new ColumnRef("14", "Ready"), null),
                "d", List.of("alpha", "beta"), null, null, false);
        CardDetails after = appClient().updateCard(card, new CardChanges("New", null, List.of("gamma"), List.of("beta"),
                LocalDate.of(2027, 3, 1), new UserRef("1", "admin")));
        expectCall("updateTask", """
                {"id":4,"title":"New","date_due":"2027-03-01","owner_id":1,"tags":["alpha","gamma"]}""");
        assertEquals("New", after.card().title());
        assertEquals(List.of("alpha", "gamma"), after.labels());
        assertEquals(new UserRef("1", "admin"), after.assignee());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void aRefusedUpdateIsAValidationError() {
        result("false");
        CardDetails card = new CardDetails(new Card(Vendor.KANBOARD, "4", "Old", "u", SMOKE, new ColumnRef("14", "Ready"), null),
                "", List.of(), null, null, false);
        assertThrows(ValidationException.class, () -> appClient().updateCard(card,
                new CardChanges(null, null, null, null, null, new UserRef("99", "stranger"))));
    }
}
