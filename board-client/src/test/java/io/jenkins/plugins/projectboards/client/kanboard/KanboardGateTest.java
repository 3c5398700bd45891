package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.gate.ApprovalGate;
import io.jenkins.plugins.projectboards.client.gate.GateDecision;
import io.jenkins.plugins.projectboards.client.gate.GateDecision.Outcome;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardRequest;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardResult;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

/** {@code waitForCard} on Kanboard: the calls that open the gate and each re-check, and what the step returns. */
public class KanboardGateTest extends KanboardTestSupport {
    private FakeBoards.Kanboard fake;

    @Before
    public void fake() {
        fake = new FakeBoards.Kanboard(2, Duration.ZERO);
        server.setDispatcher(fake);
    }

    private ApprovalGate open(String card, List<String> columns, List<String> reject) {
        return new BoardOperations(appClient(), "Shop").openGate(new WaitForCardRequest(card, null, columns, reject, null, 30, false), NOW);
    }

    @Test
    public void opensByFindingTheCardResolvingTheColumnsAndReadingItsDetails() throws Exception {
        ApprovalGate gate = open("#1", List.of("Done"), List.of("doing"));
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getTask", "getTaskTags"), fake.methods());
        assertEquals(Json.MAPPER.readTree("{\"task_id\":1}"), fake.params("getTask").get(0));
        assertEquals(Json.MAPPER.readTree("{\"project_id\":1}"), fake.params("getColumns").get(0));
        assertEquals(Outcome.WAITING, gate.decision().outcome());
        assertEquals("Todo", gate.decision().column());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), gate.deadline());
    }

    @Test
    public void eachCheckReadsTheTaskAndItsTagsOnceTheNamesAreCached() throws Exception {
        KanboardClient client = appClient();
        ApprovalGate gate = new BoardOperations(client, "Shop").openGate(
                new WaitForCardRequest("1", null, List.of("Done"), List.of("Doing"), null, 30, false), NOW);
        fake.calls.clear();
        assertEquals(Outcome.WAITING, gate.check(client, NOW.plusSeconds(60)).outcome());
        fake.moveTo("1", "Done");
        assertEquals(Outcome.APPROVED, gate.check(client, NOW.plusSeconds(120)).outcome());
        assertEquals(List.of("getTask", "getTaskTags", "getTask", "getTaskTags"), fake.methods());
        assertEquals(Json.MAPPER.readTree("{\"task_id\":1}"), fake.params("getTask").get(1));
        assertEquals(Json.MAPPER.readTree("{\"task_id\":1}"), fake.params("getTaskTags").get(1));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("vendor", "Kanboard");
        expected.put("id", "1");
        expected.put("url", baseUrl() + "/?controller=TaskViewController&action=show&task_id=1");
        expected.put("board", "Shop");
        expected.put("column", "Done");
        expected.put("title", "Card 1");
        expected.put("dryRun", false);
        expected.put("previousColumn", "Todo");
        expected.put("by", null);
        expected.put("at", "2026-11-24T12:02:00Z");
        expected.put("approved", true);
        assertEquals(expected, new WaitForCardResult(gate.card(), gate.decision(), false).toMap());
    }

    @Test
    public void aRejectColumnRejectsAndADeletedCardEndsTheGate() {
        ApprovalGate rejected = open("1", List.of("Done"), List.of("Doing"));
        fake.moveTo("1", "Doing");
        assertEquals(Outcome.REJECTED, rejected.check(appClient(), NOW.plusSeconds(5)).outcome());
        ApprovalGate deleted = open("2", List.of("Done"), List.of());
        fake.delete("2");
        assertEquals(Outcome.GONE, deleted.check(appClient(), NOW.plusSeconds(5)).outcome());
        assertEquals("card 2 was deleted", deleted.decision().reason());
    }

    @Test
    public void unknownColumnsFailAtTheStartWithTheValidNames() {
        UnknownNameException unknown = assertThrows(UnknownNameException.class, () -> open("1", List.of("Approved"), List.of()));
        assertEquals("Kanboard resolve column: unknown column 'Approved'; valid columns: Todo, Doing, Done", unknown.getMessage());
        UnknownNameException unknownReject = assertThrows(UnknownNameException.class, () -> open("1", List.of("Done"), List.of("Nope")));
        assertEquals(List.of("Todo", "Doing", "Done"), unknownReject.validNames());
    }

    @Test
    public void argumentsAreCheckedBeforeWaiting() {
        assertEquals("Kanboard waitForCard: 'column': give the column (or columns) that approve, or a label",
                assertThrows(ValidationException.class, () -> open("1", List.of(), List.of("Doing"))).getMessage());
        assertEquals("Kanboard waitForCard: 'rejectColumns': column 'Done' cannot both approve and reject",
                assertThrows(ValidationException.class, () -> open("1", List.of("Done"), List.of("done"))).getMessage());
        BoardOperations operations = new BoardOperations(appClient(), "Shop");
        assertEquals("Kanboard waitForCard: 'timeoutMinutes': must be at least 1, got 0",
                assertThrows(ValidationException.class, () -> operations.openGate(
                        new WaitForCardRequest("1", null, List.of("Done"), List.of(), null, 0, false), NOW)).getMessage());
        assertEquals(List.of(), fake.methods().stream().filter(method -> !method.startsWith("get")).toList());
    }

    @Test
    public void aCardAlreadyInAnApprovingColumnPassesAtOnce() {
        fake.moveTo("1", "Done");
        ApprovalGate gate = open("1", List.of("Todo", "Done"), List.of());
        assertEquals(Outcome.APPROVED, gate.decision().outcome());
        assertEquals(null, gate.decision().previousColumn());
    }

    @Test
    public void aLabelApprovesInAnyColumn() {
        ApprovalGate gate = new BoardOperations(appClient(), "Shop")
                .openGate(new WaitForCardRequest("1", null, List.of(), List.of("Doing"), "approved", 30, false), NOW);
        assertEquals(Outcome.WAITING, gate.decision().outcome());
        fake.tag("1", "release", "Approved");
        GateDecision approved = gate.check(appClient(), NOW.plusSeconds(5));
        assertEquals(new GateDecision(Outcome.APPROVED, "Todo", null, null, NOW.plusSeconds(5), null), approved);
    }

    @Test
    public void aReopenedGateKeepsItsDeadlineAndDecidesOnTheCardAsItIsNow() {
        BoardOperations operations = new BoardOperations(appClient(), "Shop");
        WaitForCardRequest request = new WaitForCardRequest("1", null, List.of("Done"), List.of(), null, 30, false);
        ApprovalGate reopened = operations.reopenGate(request, NOW.minusSeconds(600), "Doing", NOW);
        assertEquals(NOW.plusSeconds(1200), reopened.deadline());
        assertEquals(Outcome.WAITING, reopened.decision().outcome());
        assertEquals("Todo", reopened.lastColumn());
        ApprovalGate late = operations.reopenGate(request, NOW.minusSeconds(3600), "Todo", NOW);
        assertEquals(Outcome.TIMED_OUT, late.decision().outcome());
        fake.moveTo("1", "Done");
        ApprovalGate approvedMeanwhile = operations.reopenGate(request, NOW.minusSeconds(600), "Todo", NOW);
        assertEquals(new GateDecision(Outcome.APPROVED, "Done", "Todo", null, NOW, null), approvedMeanwhile.decision());
    }
}
