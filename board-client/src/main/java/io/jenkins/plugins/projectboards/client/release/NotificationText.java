package io.jenkins.plugins.projectboards.client.release;

import java.time.Duration;
import java.util.List;

/**
 * The comments the plugin writes on cards. Plain text with line breaks: every vendor shows that readably (Kanboard
 * and Planka render it as Markdown, where the lines stay lines).
 */
public final class NotificationText {
    /** More changes than this are summarised as "… and N more", so a big merge does not flood the card. */
    static final int MAX_CHANGES = 10;

    private NotificationText() {}

    /** Result, duration, link and changes of a build. */
    public static String buildComment(BuildSummary build) {
        StringBuilder text = new StringBuilder();
        text.append("Jenkins build ").append(build.name()).append(": ").append(build.result())
                .append(" in ").append(duration(build.duration()));
        if (build.url() != null) {
            text.append("\n").append(build.url());
        }
        appendChanges(text, build.changes());
        return text.toString();
    }

    /** "Released in <version>", with the build that released it. */
    public static String releaseComment(String version, BuildSummary build) {
        StringBuilder text = new StringBuilder();
        text.append("Released in ").append(version).append(" by Jenkins build ").append(build.name());
        if (build.url() != null) {
            text.append("\n").append(build.url());
        }
        return text.toString();
    }

    private static void appendChanges(StringBuilder text, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        text.append("\n\nChanges:");
        changes.stream().limit(MAX_CHANGES).forEach(change -> {
            text.append("\n- ");
            if (!change.shortId().isEmpty()) {
                text.append(change.shortId()).append(' ');
            }
            text.append(change.summary());
            if (change.author() != null && !change.author().isBlank()) {
                text.append(" (").append(change.author()).append(')');
            }
        });
        if (changes.size() > MAX_CHANGES) {
            text.append("\n- … and ").append(changes.size() - MAX_CHANGES).append(" more");
        }
    }

    /** {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 1 min}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration == null ? 0 : duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
