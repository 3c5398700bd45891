package io.jenkins.plugins.projectboards.client.webhook;

import java.nio.charset.StandardCharsets;

/**
 * Text from a webhook delivery is the caller's: before it becomes a build's cause, console line or environment
 * variable it loses control characters (NUL, line breaks, escape sequences, bidirectional overrides) and is cut to
 * {@link #MAX_BYTES}.
 */
public final class EventText {
    /** The most a value may take, in UTF-8 bytes. */
    public static final int MAX_BYTES = 4096;

    private static final String ELLIPSIS = "\u2026";

    private EventText() {}

    /** {@code text} without control characters and at most {@link #MAX_BYTES} long (then ending in "…"); null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isControl(c)).forEach(kept::appendCodePoint);
        if (utf8(kept) <= MAX_BYTES) {
            return kept.toString();
        }
        StringBuilder cut = new StringBuilder();
        int budget = MAX_BYTES - utf8(ELLIPSIS);
        for (int i = 0, bytes = 0; i < kept.length(); ) {
            int c = kept.codePointAt(i);
            bytes += utf8(new String(Character.toChars(c)));
            if (bytes > budget) {
                break;
            }
            cut.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return cut.append(ELLIPSIS).toString();
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    private static int utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
