package io.jenkins.plugins.projectboards.client.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.ReferenceScanner;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** Which cards a release or a notification updates, and what is carried from build to build. */
public class ReleaseTrackingTest {
    private static final BoardRef BOARD = new BoardRef("1", "Shop");

    private static CardUpdateOutcome ok(CardUpdate update, String id) {
        Card card = new Card(Vendor.KANBOARD, id, "Card " + id, null, BOARD, new ColumnRef("13", "Done"), null);
        return CardUpdateOutcome.done(update, card, true, true, "Todo");
    }

    private static CardUpdateOutcome failed(CardUpdate update) {
        return CardUpdateOutcome.failed(update, null, false, "no card '" + update.card().text() + "'");
    }

    /** What an update gets while the server does not answer at all. */
    private static CardUpdateOutcome unanswered(CardUpdate update) {
        return CardUpdateOutcome.failed(update, null, false,
                new ConnectionException(Vendor.KANBOARD, "batch of 3 calls", 0, "request to 127.0.0.1:18080 failed (ConnectException) after 3 attempts"));
    }

    @Test
    public void commitsOfManyStylesNameEachCardOnceInOrder() {
        List<String> messages = List.of(
                "Fix checkout (#12)",
                "Merge pull request #7 from alice/feature\n\nRefs #12, #15",
                "See http://kanboard.example/?controller=TaskViewController&action=show&task_id=31&project_id=1",
                "chore: bump &#35;99 [ref: REL-1] and #15 again",
                "nothing here, just color #fff and issue#3");
        List<CardRef> refs = ReferenceScanner.forVendor(Vendor.KANBOARD).scanAll(messages);
        assertEquals(List.of("12", "7", "15", "31", "REL-1"), refs.stream().map(CardRef::value).toList());
    }

    @Test
    public void failedCardsAreCarriedToTheNextBuildAndRetriedFirst() {
        ReleaseLedger first = ReleaseLedger.empty();
        ReleasePlan plan1 = first.plan("1.0", List.of(CardRef.id("1"), CardRef.id("2")));
        List<CardUpdate> updates1 = plan1.updates(BOARD, "Released in 1.0", "Done");
        ReleaseLedger.Recorded after1 = first.record(plan1, List.of(ok(updates1.get(0), "1"), failed(updates1.get(1))));
        assertEquals(Map.of("2", 1), after1.ledger().carried());

        ReleasePlan plan2 = after1.ledger().plan("1.1", List.of(CardRef.id("3")));
        assertEquals(List.of("2", "3"), plan2.toUpdate().stream().map(CardRef::value).toList());
        List<CardUpdate> updates2 = plan2.updates(BOARD, "Released in 1.1", "Done");
        ReleaseLedger.Recorded after2 = after1.ledger().record(plan2, List.of(ok(updates2.get(0), "2"), ok(updates2.get(1), "3")));
        assertEquals(Map.of(), after2.ledger().carried());
        assertTrue(after2.ledger().released().containsAll(List.of("1.0 ID:1", "1.1 ID:2", "1.1 ID:3")));
    }

    @Test
    public void aCardIsNeverReleasedTwiceInOneVersionAlsoWhenNamedDifferently() {
        ReleasePlan plan = ReleaseLedger.empty().plan("2.0", List.of(CardRef.reference("REL-1")));
        CardUpdate update = plan.updates(BOARD, "Released in 2.0", null).get(0);
        assertEquals(BOARD, update.board());
        ReleaseLedger ledger = ReleaseLedger.empty().record(plan, List.of(ok(update, "31"))).ledger();
        // A replay of the build names the same cards again, by reference and by id.
        ReleasePlan replay = ledger.plan("2.0", List.of(CardRef.reference("REL-1"), CardRef.parse("#31")));
        assertEquals(List.of(), replay.toUpdate());
        assertEquals(2, replay.alreadyReleased().size());
        // The next version releases it again.
        assertEquals(1, ledger.plan("2.1", List.of(CardRef.parse("#31"))).toUpdate().size());
    }

    @Test
    public void aBoardOutageCarriesEveryPlannedCardWithoutUsingUpAttempts() {
        Map<String, Integer> carried = new LinkedHashMap<>();
        carried.put("7", 2);
        carried.put("8", 1);
        ReleaseLedger before = new ReleaseLedger(Set.of("1.0 ID:1"), carried, Set.of("8"));
        ReleasePlan plan = before.plan("1.1", List.of(CardRef.id("9"), CardRef.id("7")));
        assertEquals(List.of("7", "8", "9"), plan.toUpdate().stream().map(CardRef::value).toList());
        // The board could not be read: no card was tried.
        ReleaseLedger.Recorded after = before.record(plan, List.of());
        assertEquals(Map.of("7", 2, "8", 1, "9", 0), after.ledger().carried());
        assertEquals(Set.of("8"), after.ledger().commented());
        assertEquals(Set.of("1.0 ID:1"), after.ledger().released());
        assertEquals(List.of(), after.givenUp());
    }

    @Test
    public void aCardCommentedButNotMovedIsOnlyMovedByTheNextBuild() {
        ReleasePlan plan = ReleaseLedger.empty().plan("1.0", List.of(CardRef.id("5")));
        CardUpdate update = plan.updates(BOARD, "Released in 1.0", "Done").get(0);
        Card card = new Card(Vendor.KANBOARD, "5", "Card 5", null, BOARD, new ColumnRef("11", "Todo"), null);
        CardUpdateOutcome moveFailed = CardUpdateOutcome.failed(update, card, true, "Kanboard moveTaskPosition: refused");
        ReleaseLedger ledger = ReleaseLedger.empty().record(plan, List.of(moveFailed)).ledger();
        assertEquals(Map.of("5", 1), ledger.carried());
        assertEquals(Set.of("5"), ledger.commented());

        ReleasePlan next = ledger.plan("1.1", List.of(CardRef.parse("#5")));
        assertEquals(List.of(new CardUpdate(CardRef.parse("5"), null, null, "Done")), next.updates(BOARD, "Released in 1.1", "Done"));
        // Failing again keeps the comment marked written; succeeding releases it and forgets the mark.
        CardUpdate moveOnly = next.updates(BOARD, "Released in 1.1", "Done").get(0);
        ReleaseLedger again = ledger.record(next, List.of(CardUpdateOutcome.failed(moveOnly, card, false, "down"))).ledger();
        assertEquals(Map.of("5", 2), again.carried());
        assertEquals(Set.of("5"), again.commented());
        ReleaseLedger done = again.record(next, List.of(ok(moveOnly, "5"))).ledger();
        assertEquals(Map.of(), done.carried());
        assertEquals(Set.of(), done.commented());
        assertTrue(done.released().contains("1.1 ID:5"));
    }

    @Test
    public void progressRecordedPartWayCarriesTheCardsNotDoneYet() {
        ReleasePlan plan = ReleaseLedger.empty().plan("3.0", List.of(CardRef.id("1"), CardRef.id("2"), CardRef.id("3")));
        List<CardUpdate> updates = plan.updates(BOARD, "Released in 3.0", null);
        // Saved before the first write: every card is carried, so a restart now loses none.
        assertEquals(Map.of("1", 0, "2", 0, "3", 0), ReleaseLedger.empty().record(plan, List.of()).ledger().carried());
        // Saved after card 2 (cards finish in any order): the next build repeats only 1 and 3.
        ReleaseLedger partWay = ReleaseLedger.empty().record(plan, List.of(ok(updates.get(1), "2"))).ledger();
        assertEquals(Map.of("1", 0, "3", 0), partWay.carried());
        ReleasePlan replay = partWay.plan("3.0", List.of(CardRef.id("1"), CardRef.id("2"), CardRef.id("3")));
        assertEquals(List.of("1", "3"), replay.toUpdate().stream().map(CardRef::value).toList());
        assertEquals(List.of("2"), replay.alreadyReleased().stream().map(CardRef::value).toList());
    }

    @Test
    public void aCardFailingInFiveBuildsIsGivenUpOutLoud() {
        ReleaseLedger ledger = ReleaseLedger.empty();
        List<String> givenUp = List.of();
        for (int build = 1; build <= ReleaseLedger.MAX_ATTEMPTS; build++) {
            ReleasePlan plan = ledger.plan("v" + build, build == 1 ? List.of(CardRef.id("404")) : List.of());
            assertEquals(List.of("404"), plan.toUpdate().stream().map(CardRef::value).toList());
            ReleaseLedger.Recorded recorded = ledger.record(plan, List.of(failed(plan.updates(BOARD, "r", null).get(0))));
            ledger = recorded.ledger();
            givenUp = recorded.givenUp();
        }
        assertEquals(List.of("404"), givenUp);
        assertEquals(Map.of(), ledger.carried());
    }

    @Test
    public void anUnreachableServerNeverUsesUpACardsAttempts() {
        ReleaseLedger ledger = ReleaseLedger.empty();
        for (int build = 1; build <= 2 * ReleaseLedger.MAX_ATTEMPTS; build++) {
            ReleasePlan plan = ledger.plan("1.0", build == 1 ? List.of(CardRef.id("7")) : List.of());
            ReleaseLedger.Recorded recorded = ledger.record(plan, List.of(unanswered(plan.updates(BOARD, "r", "Done").get(0))));
            assertEquals(List.of(), recorded.givenUp());
            ledger = recorded.ledger();
        }
        assertEquals(Map.of("7", 0), ledger.carried());
        ReleasePlan answered = ledger.plan("1.0", List.of());
        ledger = ledger.record(answered, List.of(failed(answered.updates(BOARD, "r", "Done").get(0)))).ledger();
        assertEquals("an answer about the card counts", Map.of("7", 1), ledger.carried());
    }

    @Test
    public void notificationMovesByResultAndCommentsEachCardOnce() {
        BuildNotification notification = new BuildNotification("Done", "Review", "Blocked", null, true);
        BuildSummary failedBuild = new BuildSummary("shop #9", null, "FAILURE", Duration.ofSeconds(3), List.of());
        List<CardUpdate> updates = notification.updates(List.of(CardRef.id("5"), CardRef.parse("#5"), CardRef.reference("X-1")), BOARD, failedBuild);
        assertEquals(2, updates.size());
        assertEquals("Blocked", updates.get(0).moveTo());
        assertEquals("Jenkins build shop #9: FAILURE in 3 s", updates.get(0).comment());
        assertEquals(null, updates.get(0).board());
        assertEquals(BOARD, updates.get(1).board());
        assertEquals("Review", notification.moveFor("UNSTABLE"));
        assertEquals(null, notification.moveFor("ABORTED"));
        assertEquals(null, notification.moveFor("NOT_BUILT"));
        BuildNotification silent = new BuildNotification(null, null, null, " ", false);
        assertEquals(List.of(), silent.updates(List.of(CardRef.id("5")),
                BOARD, new BuildSummary("shop #10", null, "ABORTED", Duration.ZERO, List.of())));
    }
}
