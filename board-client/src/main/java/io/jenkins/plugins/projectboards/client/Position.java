package io.jenkins.plugins.projectboards.client;

import java.util.Locale;

/** Where a card lands in its column. */
public enum Position {
    TOP,
    BOTTOM;

    /** Parses {@code top}/{@code bottom} in any case; blank means {@code fallback}. */
    public static Position parse(Vendor vendor, String operation, String text, Position fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(vendor, operation, 0, "position", "expected 'top' or 'bottom', got '" + text + "'");
        }
    }
}
