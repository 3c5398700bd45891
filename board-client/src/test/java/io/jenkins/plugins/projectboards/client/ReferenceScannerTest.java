package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.Test;

public class ReferenceScannerTest {

    private static List<String> scan(Vendor vendor, String message) {
        return ReferenceScanner.forVendor(vendor).scan(message).stream()
                .map(ref -> ref.kind() + ":" + ref.value()).toList();
    }

    @Test
    public void kanboardHashIdsInOrderEachOnce() {
        assertEquals(List.of("ID:12", "ID:7"), scan(Vendor.KANBOARD, "Fix login (#12), see #7 and again #12"));
    }

    @Test
    public void hashesThatAreNotCardsAreIgnored() {
        assertEquals(List.of(), scan(Vendor.KANBOARD,
                "colour &#35; entity, anchor http://x/y#3, word a#4, issue ##, C#"));
    }

    @Test
    public void kanboardUrlCountsOnceNotAlsoAsItsDigits() {
        assertEquals(List.of("ID:4", "ID:9"), scan(Vendor.KANBOARD,
                "Done: http://kb.example/?controller=TaskViewController&action=show&task_id=4&project_id=1 and #9"));
    }

    @Test
    public void bracketedReferencesWorkForEveryVendor() {
        assertEquals(List.of("REFERENCE:EXT-1", "ID:42"), scan(Vendor.PLANKA, "Ship it [ref: EXT-1] [card:42]"));
        assertEquals(List.of("REFERENCE:REL-9"), scan(Vendor.KANBOARD, "Merge [task: REL-9]"));
    }

    @Test
    public void plankaCardUrlsButNotHashIds() {
        assertEquals(List.of("ID:1915228973340558440"), scan(Vendor.PLANKA,
                "Closes https://planka.example/cards/1915228973340558440. Also #5 is a GitHub issue."));
    }

    @Test
    public void customPatternFirstGroupIsTheReference() {
        ReferenceScanner scanner = new ReferenceScanner(List.of(Pattern.compile("\\b(PB-\\d+)\\b")));
        assertEquals(List.of("REFERENCE:PB-1", "REFERENCE:PB-22"),
                scanner.scan("PB-1: start\n\nPB-22 follow-up; xPB-3 is not one").stream()
                        .map(ref -> ref.kind() + ":" + ref.value()).toList());
    }

    @Test
    public void emptyMessagesHaveNoReferences() {
        assertEquals(List.of(), scan(Vendor.KANBOARD, ""));
        assertEquals(List.of(), scan(Vendor.KANBOARD, null));
    }
}
