package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.CardRef.Kind;
import org.junit.Test;

public class CardRefTest {

    private static void assertRef(String text, Kind kind, String value) {
        CardRef ref = CardRef.parse(text);
        assertEquals(text, kind, ref.kind());
        assertEquals(text, value, ref.value());
    }

    @Test
    public void idsInTheFormsUsersWrite() {
        assertRef("#123", Kind.ID, "123");
        assertRef(" 42 ", Kind.ID, "42");
        assertRef("1915228973340558440", Kind.ID, "1915228973340558440");
    }

    @Test
    public void referencesExplicitAndImplicit() {
        assertRef("ref:123", Kind.REFERENCE, "123");
        assertRef("REF:EXT-1", Kind.REFERENCE, "EXT-1");
        assertRef("SMOKE-1795504637", Kind.REFERENCE, "SMOKE-1795504637");
    }

    @Test
    public void cardUrlsOfBothVendors() {
        assertRef("https://planka.example/cards/1915228973340558440", Kind.ID, "1915228973340558440");
        assertRef("http://127.0.0.1:18090/cards/1915228973340558440?tab=comments", Kind.ID, "1915228973340558440");
        assertRef("http://127.0.0.1:18080/?controller=TaskViewController&action=show&task_id=4&project_id=4", Kind.ID, "4");
        assertRef("https://kanboard.example/project/4/task/17", Kind.ID, "17");
        assertRef("https://kanboard.example/task/17", Kind.ID, "17");
        assertRef("https://service.projectplace.com/#direct/card/18776663", Kind.ID, "18776663");
    }

    @Test
    public void keepsWhatTheUserWroteForMessages() {
        assertEquals("#123", CardRef.parse("#123").text());
    }

    @Test
    public void blankAndForeignUrlsAreRefused() {
        assertEquals("a card id, reference or URL is required",
                assertThrows(IllegalArgumentException.class, () -> CardRef.parse("  ")).getMessage());
        assertEquals("'https://example.com/board/7' is not a card URL of Kanboard, Planka or Projectplace",
                assertThrows(IllegalArgumentException.class, () -> CardRef.parse("https://example.com/board/7")).getMessage());
    }
}
