package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

/** What an update sends: only what differs from the card; and what a search matches. */
public class CardChangesTest {
    private static final BoardRef BOARD = new BoardRef("1", "Ops");
    private static final CardDetails CARD = new CardDetails(new Card(Vendor.KANBOARD, "7", "Deploy", "u", BOARD,
            new ColumnRef("11", "Todo"), "EXT-1"), "text", List.of("ci", "Prod"), LocalDate.of(2027, 1, 15),
            new UserRef("1", "admin"), false);

    @Test
    public void againstTheCardKeepsOnlyWhatDiffers() {
        CardChanges same = new CardChanges("Deploy", "text", List.of("CI"), List.of("nightly"), LocalDate.of(2027, 1, 15),
                new UserRef("1", "admin"));
        assertTrue(same.against(CARD).isEmpty());
        CardChanges changes = new CardChanges("Deploy", "new", List.of("ci", "qa", "qa"), List.of("prod"), null,
                new UserRef("2", "ops")).against(CARD);
        assertEquals(new CardChanges(null, "new", List.of("qa"), List.of("prod"), null, new UserRef("2", "ops")), changes);
        assertEquals(List.of("description", "labels", "assignee"), changes.fields());
        assertEquals(List.of("ci", "qa"), changes.labelsOf(CARD));
        CardDetails after = changes.applyTo(CARD);
        assertEquals("Deploy", after.card().title());
        assertEquals("new", after.description());
        assertEquals(List.of("ci", "qa"), after.labels());
        assertEquals(LocalDate.of(2027, 1, 15), after.due());
        assertEquals(new UserRef("2", "ops"), after.assignee());
    }

    @Test
    public void aQueryMatchesEveryCriterionAndIsBounded() {
        assertTrue(new CardQuery(new ColumnRef("11", "Todo"), List.of("prod"), "PLOY", "EXT-1", 1).matches(CARD));
        assertEquals(false, new CardQuery(null, List.of("prod", "qa"), null, null, 1).matches(CARD));
        assertEquals(false, new CardQuery(new ColumnRef("12", "Done"), List.of(), null, null, 1).matches(CARD));
        assertEquals(false, new CardQuery(null, List.of(), "text", null, 1).matches(CARD));
        assertThrows(IllegalArgumentException.class, () -> new CardQuery(null, List.of(), null, null, CardQuery.MAX_LIMIT + 1));
    }
}
