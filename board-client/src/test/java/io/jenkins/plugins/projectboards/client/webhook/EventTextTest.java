package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** A delivery's text becomes environment variables and console lines: no control characters, bounded, http(s) links only. */
public class EventTextTest {

    @Test
    public void controlCharactersAreStripped() {
        assertEquals("Deploy; rm -rf /", EventText.clean("Deploy\n; rm -rf /\u0000\r"));
        assertEquals("[31mred", EventText.clean("\u001b[31mred"));
        assertEquals("evil.exe", EventText.clean("evil\u202E.exe\u2028"));
        assertEquals("taband émoji 🚀", EventText.clean("tab\tand émoji 🚀"));
        assertNull(EventText.clean(null));
    }

    @Test
    public void valuesAreCutAtFourKibibytesWithoutSplittingACharacter() {
        String big = "é".repeat(5000);
        String cut = EventText.clean(big);
        int bytes = cut.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes + " bytes", bytes <= EventText.MAX_BYTES && bytes > EventText.MAX_BYTES - 4);
        assertTrue(cut.endsWith("é\u2026"));
        String exact = "a".repeat(EventText.MAX_BYTES);
        assertEquals(exact, EventText.clean(exact));
    }

    @Test
    public void aBoardEventHoldsOnlyCleanedValues() {
        BoardEvent event = new BoardEvent(Vendor.PLANKA, "card.moved", "cardUpdate\n", "1", "Shop/Web\u0000", "7",
                "Title\r\nBOARD_EVENT=x", "javascript:alert(1)", "To\u001bdo", "Do\u0007ing", "ad\u0000min");
        assertEquals("cardUpdate", event.vendorEvent());
        assertEquals("Shop/Web", event.boardName());
        assertEquals("TitleBOARD_EVENT=x", event.cardTitle());
        assertNull(event.cardUrl());
        assertEquals("Todo", event.fromColumn());
        assertEquals("Doing", event.toColumn());
        assertEquals("admin", event.actor());
    }
}
