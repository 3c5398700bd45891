package io.jenkins.plugins.projectboards.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card reference kept in the description, for vendors with no reference field (Planka, Projectplace): an invisible
 * Markdown line, {@code [//]: # (project-boards-ref: EXT-1)} (a link definition, which Markdown does not render).
 */
public final class ReferenceMarker {
    private static final Pattern MARKER = Pattern.compile("^\\[//]: # \\(project-boards-ref: (.+)\\)$", Pattern.MULTILINE);

    private ReferenceMarker() {}

    /** The description with the marker appended on its own line after a blank one; unchanged without a reference. */
    public static String append(String description, String reference) {
        if (reference == null) {
            return description;
        }
        String marker = "[//]: # (project-boards-ref: " + reference + ")";
        return (description == null || description.isBlank() ? "" : description.stripTrailing() + "\n\n") + marker;
    }

    /** The reference a description carries, or {@code null}. */
    public static String find(String description) {
        if (description == null) {
            return null;
        }
        Matcher matcher = MARKER.matcher(description);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The description as its author wrote it: without the marker line and the blank line before it. */
    public static String strip(String description) {
        if (description == null) {
            return null;
        }
        return MARKER.matcher(description).replaceAll("").stripTrailing();
    }
}
