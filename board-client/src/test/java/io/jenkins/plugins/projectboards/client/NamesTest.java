package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class NamesTest {
    private static final List<ColumnRef> COLUMNS = List.of(
            new ColumnRef("11", "Backlog"), new ColumnRef("12", "Ready"), new ColumnRef("13", "Work in progress"),
            new ColumnRef("14", "Done"), new ColumnRef("15", "done"));

    private static ColumnRef pick(String wanted) {
        return Names.pick(Vendor.KANBOARD, "moveCard", "column", wanted, COLUMNS, ColumnRef::id, ColumnRef::name);
    }

    @Test
    public void idThenExactNameThenUniqueCaseInsensitiveName() {
        assertEquals("13", pick("13").id());
        assertEquals("14", pick("Done").id());
        assertEquals("15", pick("done").id());
        assertEquals("13", pick("  work IN progress ").id());
    }

    @Test
    public void ambiguousLooseMatchIsRefused() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> pick("DONE"));
        assertEquals(List.of("Backlog", "Ready", "Work in progress", "Done", "done"), e.validNames());
    }

    @Test
    public void unknownNameListsTheValidOnesAndNamesVendorAndOperation() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> pick("Shipped"));
        assertEquals("Kanboard moveCard: unknown column 'Shipped'; valid columns: Backlog, Ready, Work in progress, Done, done",
                e.getMessage());
        assertEquals("column", e.kind());
        assertEquals("Shipped", e.name());
    }

    /** An admin account sees every board: the message shows the 20 closest names and counts the rest. */
    @Test
    public void longListsShowTheTwentyClosestNamesFirstAndCountTheRest() {
        List<ColumnRef> boards = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boards.add(new ColumnRef(String.valueOf(i), "Team board " + i));
        }
        boards.add(new ColumnRef("200", "Release train"));
        UnknownNameException e = assertThrows(UnknownNameException.class,
                () -> Names.pick(Vendor.PLANKA, "resolve board", "board", "release-train", boards, ColumnRef::id, ColumnRef::name));
        assertEquals(20, e.validNames().size());
        assertEquals("Release train", e.validNames().get(0));
        assertEquals(List.of("Team board 0", "Team board 1"), e.validNames().subList(1, 3)); // ties keep the server's order
        assertEquals("Planka resolve board: unknown board 'release-train'; valid boards: " + String.join(", ", e.validNames())
                + ", … and 81 more", e.getMessage());
    }

    @Test
    public void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Names.distance("done", "done"));
        assertEquals(1, Names.distance("done", "dome"));
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(4, Names.distance("", "abcd"));
        assertEquals(64, Names.distance("x".repeat(10_000), "y".repeat(10_000)));
    }

    @Test
    public void blankNameIsAValidationErrorNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> pick(" "));
        assertEquals("column", e.field());
        assertEquals("Kanboard moveCard: 'column': a column name or id is required", e.getMessage());
    }
}
