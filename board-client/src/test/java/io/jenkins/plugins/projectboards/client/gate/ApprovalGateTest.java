package io.jenkins.plugins.projectboards.client.gate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.gate.GateDecision.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/**
 * The gate's decisions for every order in which the board's deliveries and the gate's own reads of the card can
 * arrive: only a read decides, a delivery names who moved the card when the read agrees with it, and a decision
 * never changes.
 */
public class ApprovalGateTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final BoardRef BOARD = new BoardRef("1", "Ops");
    private static final ColumnRef REVIEW = new ColumnRef("11", "Review");
    private static final ColumnRef APPROVED = new ColumnRef("12", "Approved");
    private static final ColumnRef REJECTED = new ColumnRef("13", "Rejected");
    private static final ColumnRef BACKLOG = new ColumnRef("14", "Backlog");
    private static final Card CARD = new Card(Vendor.KANBOARD, "42", "Release 7", "https://kb.example/task/42", BOARD, REVIEW, null);

    private static ApprovalGate gate() {
        return new ApprovalGate(CARD, new GateSpec(List.of(APPROVED), List.of(REJECTED), null), T0.plus(Duration.ofMinutes(30)), null);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static CardObservation seen(ColumnRef column, int seconds) {
        return new CardObservation(column, null, false, false, at(seconds));
    }

    /** A Kanboard delivery names the columns by name once the dispatcher named them; a Planka one may keep ids. */
    private static BoardEvent moved(String cardId, String from, String to, String actor) {
        return new BoardEvent(Vendor.KANBOARD, BoardEvent.CARD_MOVED, "task.move.column", "1", "Ops", cardId, "Release 7",
                null, from, to, actor);
    }

    private static void assertDecision(Outcome outcome, String column, String previous, String by, Instant at, GateDecision actual) {
        assertEquals(new GateDecision(outcome, column, previous, by, at, actual.reason()), actual);
    }

    @Test
    public void waitsWhileTheCardIsElsewhere() {
        ApprovalGate gate = gate();
        assertDecision(Outcome.WAITING, "Review", null, null, null, gate.observe(seen(REVIEW, 0)));
        assertDecision(Outcome.WAITING, "Backlog", null, null, null, gate.observe(seen(BACKLOG, 60)));
        assertEquals("Backlog", gate.lastColumn());
    }

    @Test
    public void eventBeforePollGivesWhoMovedItAndWhen() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        assertTrue(gate.heard(moved("42", "Review", "Approved", "alice"), at(10)));
        assertEquals(Outcome.WAITING, gate.decision().outcome());
        assertDecision(Outcome.APPROVED, "Approved", "Review", "alice", at(10), gate.observe(seen(APPROVED, 11)));
        assertTrue(gate.decision().approved());
        assertEquals(null, gate.decision().reason());
    }

    @Test
    public void pollBeforeEventDecidesWithoutAnActorAndTheLateEventChangesNothing() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        GateDecision decided = gate.observe(seen(APPROVED, 60));
        assertDecision(Outcome.APPROVED, "Approved", "Review", null, at(60), decided);
        assertFalse(gate.heard(moved("42", "Review", "Approved", "alice"), at(61)));
        assertEquals(decided, gate.observe(seen(REJECTED, 62)));
        assertEquals(decided, gate.expire(at(3600)));
    }

    @Test
    public void anEventBeforeTheFirstReadIsKeptForIt() {
        ApprovalGate gate = gate();
        assertTrue(gate.heard(moved("42", "Review", "Approved", "alice"), at(0)));
        assertDecision(Outcome.APPROVED, "Approved", "Review", "alice", at(0), gate.observe(seen(APPROVED, 1)));
    }

    @Test
    public void duplicateEventsDecideOnce() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        BoardEvent event = moved("42", "Review", "Approved", "alice");
        assertTrue(gate.heard(event, at(10)));
        assertTrue(gate.heard(event, at(11)));
        GateDecision first = gate.observe(seen(APPROVED, 12));
        assertDecision(Outcome.APPROVED, "Approved", "Review", "alice", at(11), first);
        assertFalse(gate.heard(event, at(13)));
        assertEquals(first, gate.observe(seen(APPROVED, 14)));
    }

    @Test
    public void aStaleEventNeitherDecidesNorLendsItsActorToALaterMove() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        // Moved to Approved by bob and back to Review; the read after bob's delivery sees Review.
        gate.heard(moved("42", "Review", "Approved", "bob"), at(10));
        assertDecision(Outcome.WAITING, "Review", null, null, null, gate.observe(seen(REVIEW, 20)));
        // Moved to Approved again, by someone whose delivery was lost: the poll sees it, nobody is named.
        assertDecision(Outcome.APPROVED, "Approved", "Review", null, at(80), gate.observe(seen(APPROVED, 80)));
    }

    @Test
    public void aDeliveryDuringARead_isNotDroppedByIt() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        // The read began at 20 and saw Review; alice's move was delivered at 21, while it was under way.
        gate.heard(moved("42", "Review", "Approved", "alice"), at(21));
        assertEquals(Outcome.WAITING, gate.observe(seen(REVIEW, 20)).outcome());
        assertDecision(Outcome.APPROVED, "Approved", "Review", "alice", at(21), gate.observe(seen(APPROVED, 22)));
    }

    @Test
    public void anEventNamingColumnsByIdOrInAnotherCaseMatches() {
        ApprovalGate byId = gate();
        byId.heard(moved("42", "11", "12", "alice"), at(5));
        assertDecision(Outcome.APPROVED, "Approved", "11", "alice", at(5), byId.observe(seen(APPROVED, 6)));
        ApprovalGate byName = gate();
        byName.heard(moved("42", "Review", " approved ", "carol"), at(5));
        assertEquals("carol", byName.observe(seen(APPROVED, 6)).by());
    }

    @Test
    public void eventsAboutOtherCardsAreNotForThisGate() {
        ApprovalGate gate = gate();
        assertFalse(gate.heard(moved("43", "Review", "Approved", "mallory"), at(1)));
        assertDecision(Outcome.APPROVED, "Approved", "Review", null, at(2), gate.observe(seen(APPROVED, 2)));
    }

    @Test
    public void anEventWithoutAColumnStillAsksForARead() {
        ApprovalGate gate = gate();
        BoardEvent commented = new BoardEvent(Vendor.PLANKA, BoardEvent.CARD_UPDATED, "cardUpdate", "1", "Ops", "42", null, null,
                null, null, "dave");
        assertTrue(gate.heard(commented, at(1)));
        assertEquals(null, gate.observe(seen(APPROVED, 2)).by());
    }

    @Test
    public void aRejectColumnEndsTheGateWithTheReason() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        gate.heard(moved("42", "Review", "Rejected", "erin"), at(30));
        GateDecision rejected = gate.observe(seen(REJECTED, 31));
        assertDecision(Outcome.REJECTED, "Rejected", "Review", "erin", at(30), rejected);
        assertFalse(rejected.approved());
        assertEquals("card 42 was moved to 'Rejected'", rejected.reason());
    }

    @Test
    public void aCardAlreadyApprovedAtTheStartPassesAtOnce() {
        ApprovalGate gate = new ApprovalGate(new Card(Vendor.KANBOARD, "42", "Release 7", null, BOARD, APPROVED, null),
                new GateSpec(List.of(APPROVED), List.of(), null), T0.plusSeconds(60), null);
        assertDecision(Outcome.APPROVED, "Approved", null, null, at(0), gate.observe(seen(APPROVED, 0)));
    }

    @Test
    public void anyOfSeveralApprovingColumns() {
        ApprovalGate gate = new ApprovalGate(CARD, new GateSpec(List.of(APPROVED, BACKLOG), List.of(), null), T0.plusSeconds(600), null);
        assertEquals(Outcome.APPROVED, gate.observe(seen(BACKLOG, 5)).outcome());
    }

    @Test
    public void theDeadlineEndsAWaitingGate() {
        ApprovalGate gate = gate();
        gate.observe(seen(BACKLOG, 0));
        assertEquals(Outcome.WAITING, gate.expire(at(1799)).outcome());
        GateDecision timedOut = gate.expire(at(1800));
        assertDecision(Outcome.TIMED_OUT, "Backlog", null, null, at(1800), timedOut);
        assertEquals("card 42 is still in 'Backlog'", timedOut.reason());
        assertEquals(timedOut, gate.observe(seen(APPROVED, 1801)));
    }

    @Test
    public void aReadAfterTheDeadlineThatSeesApprovalApproves() {
        ApprovalGate gate = gate();
        assertEquals(Outcome.APPROVED, gate.observe(seen(APPROVED, 1900)).outcome());
        ApprovalGate late = gate();
        assertEquals(Outcome.TIMED_OUT, late.observe(seen(REVIEW, 1900)).outcome());
    }

    @Test
    public void aDeletedCardEndsTheGate() {
        ApprovalGate gate = gate();
        gate.observe(seen(REVIEW, 0));
        GateDecision gone = gate.observe(CardObservation.deleted(at(5)));
        assertDecision(Outcome.GONE, "Review", null, null, at(5), gone);
        assertEquals("card 42 was deleted", gone.reason());
    }

    @Test
    public void aClosedCardEndsTheGateUnlessItIsApproved() {
        ApprovalGate gate = gate();
        GateDecision closed = gate.observe(new CardObservation(REVIEW, null, true, false, at(5)));
        assertEquals(Outcome.GONE, closed.outcome());
        assertEquals("card 42 was closed", closed.reason());
        ApprovalGate closedWhenApproved = gate();
        assertEquals(Outcome.APPROVED, closedWhenApproved.observe(new CardObservation(APPROVED, null, true, false, at(5))).outcome());
    }

    @Test
    public void aLabelApprovesInAnyColumn() {
        ApprovalGate gate = new ApprovalGate(CARD, new GateSpec(List.of(), List.of(REJECTED), "approved"), T0.plusSeconds(600), null);
        assertEquals(Outcome.WAITING, gate.observe(new CardObservation(REVIEW, List.of("release"), false, false, at(1))).outcome());
        assertEquals(Outcome.WAITING, gate.observe(new CardObservation(REVIEW, null, false, false, at(2))).outcome());
        assertDecision(Outcome.APPROVED, "Review", null, null, at(3),
                gate.observe(new CardObservation(REVIEW, List.of("release", "Approved"), false, false, at(3))));
    }

    @Test
    public void aRestartedGateRemembersWhereTheCardWas() {
        ApprovalGate resumed = new ApprovalGate(CARD, new GateSpec(List.of(APPROVED), List.of(), null), T0.plusSeconds(600), "Backlog");
        assertEquals("Backlog", resumed.decision().column());
        assertDecision(Outcome.APPROVED, "Approved", "Backlog", null, at(9), resumed.observe(seen(APPROVED, 9)));
    }

    @Test
    public void aBurstOfDeliveriesKeepsOnlyTheLatest() {
        ApprovalGate gate = gate();
        for (int i = 0; i < ApprovalGate.MAX_HINTS; i++) {
            gate.heard(moved("42", "Review", "Approved", "early"), at(i));
        }
        gate.heard(moved("42", "Review", "Approved", "latest"), at(100));
        assertEquals("latest", gate.observe(seen(APPROVED, 101)).by());
    }

    @Test
    public void thePollPauseIsJitteredAndNeverPastTheDeadline() {
        ApprovalGate gate = gate();
        Duration minute = Duration.ofMinutes(1);
        assertEquals(Duration.ofSeconds(66), gate.untilNextPoll(at(0), minute, 1.1, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(54), gate.untilNextPoll(at(0), minute, 0.9, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(20), gate.untilNextPoll(at(1780), minute, 1.0, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), gate.untilNextPoll(at(1800), minute, 1.0, Duration.ofSeconds(1)));
    }
}
