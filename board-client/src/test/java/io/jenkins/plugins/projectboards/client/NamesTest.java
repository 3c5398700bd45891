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

    @Test
    public void blankNameIsAValidationErrorNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> pick(" "));
        assertEquals("column", e.field());
        assertEquals("Kanboard moveCard: 'column': a column name or id is required", e.getMessage());
    }
}
