package io.jenkins.plugins.projectboards.client.failure;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.failure.FailureCards.Action;
import java.util.List;
import org.junit.Test;

/** Every transition of a job's failure card, for FAILURE only and for FAILURE and UNSTABLE counted as broken. */
public class FailureCardsTest {
    private static final FailureCards FAILURE_ONLY = new FailureCards(List.of());
    private static final FailureCards WITH_UNSTABLE = new FailureCards(List.of("failure", "UNSTABLE"));

    private static JobBuild build(int number, String result, String previousResult, int lastHealthy) {
        return new JobBuild("team/app", "team » app #" + number, number, "https://ci.example/job/team/job/app/" + number + "/",
                result, previousResult, lastHealthy);
    }

    @Test
    public void firstFailureOpensTheCardOfTheBreakAfterTheLastHealthyBuild() {
        JobBuild build = build(5, "FAILURE", "SUCCESS", 4);
        assertEquals("team/app broken since #5", FAILURE_ONLY.lookup(build));
        assertEquals(Action.OPEN, FAILURE_ONLY.decide(build, false));
    }

    @Test
    public void aJobThatNeverSucceededNamesItsBreakFromTheFirstBuild() {
        JobBuild build = build(1, "FAILURE", null, 0);
        assertEquals("team/app broken since #1", FAILURE_ONLY.lookup(build));
        assertEquals(Action.OPEN, FAILURE_ONLY.decide(build, false));
    }

    @Test
    public void stillFailingCommentsOnTheSameCard() {
        JobBuild build = build(6, "FAILURE", "FAILURE", 4);
        assertEquals("team/app broken since #5", FAILURE_ONLY.lookup(build));
        assertEquals(Action.STILL_FAILING, FAILURE_ONLY.decide(build, true));
    }

    /** The card was deleted by hand while the job stays broken: a new one is opened for the break. */
    @Test
    public void stillFailingWithTheCardGoneOpensItAgain() {
        assertEquals(Action.OPEN, FAILURE_ONLY.decide(build(6, "FAILURE", "FAILURE", 4), false));
    }

    @Test
    public void fixedCommentsAndMovesTheBreaksCard() {
        JobBuild build = build(7, "SUCCESS", "FAILURE", 4);
        assertEquals("team/app broken since #5", FAILURE_ONLY.lookup(build));
        assertEquals(Action.FIXED, FAILURE_ONLY.decide(build, true));
    }

    @Test
    public void fixedWithNoCardFoundIsReportedNotInvented() {
        assertEquals(Action.FIXED_WITHOUT_CARD, FAILURE_ONLY.decide(build(7, "SUCCESS", "FAILURE", 4), false));
    }

    /** A healthy build after a healthy one does not even look for a card. */
    @Test
    public void healthyAfterHealthyNeedsNoLookup() {
        JobBuild build = build(8, "SUCCESS", "SUCCESS", 7);
        assertNull(FAILURE_ONLY.lookup(build));
        assertEquals(Action.NONE, FAILURE_ONLY.decide(build, true));
        assertNull(FAILURE_ONLY.lookup(build(1, "SUCCESS", null, 0)));
    }

    /** After a fix the next break has a new reference: the done card of the old break is never reused. */
    @Test
    public void aNewBreakAfterAFixHasItsOwnCard() {
        JobBuild build = build(9, "FAILURE", "SUCCESS", 8);
        assertEquals("team/app broken since #9", FAILURE_ONLY.lookup(build));
        assertEquals(Action.OPEN, FAILURE_ONLY.decide(build, false));
    }

    @Test
    public void unstableIsIgnoredUnlessConfigured() {
        JobBuild unstable = build(5, "UNSTABLE", "SUCCESS", 4);
        assertNull(FAILURE_ONLY.lookup(unstable));
        assertEquals(Action.NONE, FAILURE_ONLY.decide(unstable, false));
        assertEquals("team/app broken since #5", WITH_UNSTABLE.lookup(unstable));
        assertEquals(Action.OPEN, WITH_UNSTABLE.decide(unstable, false));
    }

    /** Unstable not counted as broken ends a break like a success does; counted, it keeps the break going. */
    @Test
    public void unstableAfterFailureEndsTheBreakOnlyWhenNotCounted() {
        assertEquals(Action.FIXED, FAILURE_ONLY.decide(build(6, "UNSTABLE", "FAILURE", 4), true));
        assertEquals(Action.STILL_FAILING, WITH_UNSTABLE.decide(build(6, "UNSTABLE", "FAILURE", 4), true));
        assertEquals(Action.FIXED, WITH_UNSTABLE.decide(build(7, "SUCCESS", "UNSTABLE", 4), true));
        assertNull(FAILURE_ONLY.lookup(build(7, "SUCCESS", "UNSTABLE", 6)));
    }

    @Test
    public void abortedAndNotBuiltBuildsAreIgnored() {
        for (String result : List.of("ABORTED", "NOT_BUILT")) {
            for (String previous : List.of("FAILURE", "SUCCESS")) {
                JobBuild build = build(6, result, previous, 4);
                assertNull(result + " after " + previous, FAILURE_ONLY.lookup(build));
                assertEquals(Action.NONE, FAILURE_ONLY.decide(build, true));
                assertEquals(Action.NONE, WITH_UNSTABLE.decide(build, false));
            }
        }
    }

    @Test
    public void healthAndBrokenness() {
        assertTrue(FAILURE_ONLY.healthy("UNSTABLE"));
        assertFalse(WITH_UNSTABLE.healthy("UNSTABLE"));
        assertFalse(FAILURE_ONLY.healthy("ABORTED"));
        assertFalse(FAILURE_ONLY.broken("ABORTED"));
        assertFalse(FAILURE_ONLY.broken(null));
        assertEquals(List.of("FAILURE"), FAILURE_ONLY.brokenResults());
        assertEquals(List.of("FAILURE", "UNSTABLE"), WITH_UNSTABLE.brokenResults());
    }

    @Test
    public void onlyFailureAndUnstableCanCountAsBroken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FailureCards(List.of("FAILURE", "ABORTED")));
        assertEquals("'ABORTED' is not a result that can count as broken; use FAILURE or UNSTABLE", e.getMessage());
    }
}
