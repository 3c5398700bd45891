package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Labels and excerpts are cut to a limit, with an ellipsis, and never through a surrogate pair. */
public class TextsTest {
    @Test
    public void shortTextStaysWhole() {
        assertEquals("12345", Texts.cut("12345", 5));
        assertEquals("", Texts.cut("", 5));
    }

    @Test
    public void longTextEndsInAnEllipsisWithinTheLimit() {
        assertEquals("1234\u2026", Texts.cut("123456", 5));
        assertEquals("\u2026", Texts.cut("123456", 1));
    }

    @Test
    public void aSurrogatePairIsNeverCutInTwo() {
        String rocket = "\uD83D\uDE80"; // U+1F680, two chars
        // "abc" + rocket is 5 chars; a cut to 5 with the ellipsis would keep "abc" + the high surrogate alone.
        assertEquals("abc\u2026", Texts.cut("abc" + rocket + "def", 5));
        assertEquals("the pair kept whole when it fits", "ab" + rocket + "\u2026", Texts.cut("ab" + rocket + "cdef", 5));
    }
}
