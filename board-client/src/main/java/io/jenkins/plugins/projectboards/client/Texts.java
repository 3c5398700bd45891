package io.jenkins.plugins.projectboards.client;

/** Shortening text for one line of a message or a label. */
public final class Texts {
    private static final String ELLIPSIS = "\u2026";

    private Texts() {}

    /**
     * {@code text} when it has at most {@code max} characters; else its start and "…", {@code max} characters at most
     * in all, never ending in half of a surrogate pair (an emoji cut in two prints as "?" or breaks the XML Jenkins
     * writes it to).
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }
}
