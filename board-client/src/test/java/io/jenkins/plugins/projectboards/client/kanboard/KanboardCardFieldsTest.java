package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
}
