package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Planka card. Planka has no reference field: a reference lives in the description as an invisible Markdown
 * line, {@code [//]: # (project-boards-ref: EXT-1)} (a link definition, which Markdown does not render).
 */
public record PlankaCard(
        String id,
        String name,
        String description,
        String listId,
        String boardId,
        double position,
        String creatorUserId,
        Instant createdAt) {

    private static final Pattern MARKER = Pattern.compile("^\\[//]: # \\(project-boards-ref: (.+)\\)$", Pattern.MULTILINE);

    static PlankaCard from(JsonNode node) {
        String createdAt = Json.text(node, "createdAt");
        return new PlankaCard(
                Json.require(Vendor.PLANKA, "read card", node, "id").asText(),
                Json.text(node, "name"),
                Json.text(node, "description"),
                Json.require(Vendor.PLANKA, "read card", node, "listId").asText(),
                Json.text(node, "boardId"),
                node.path("position").asDouble(),
                Json.text(node, "creatorUserId"),
                createdAt == null ? null : Instant.parse(createdAt));
    }

    /** The marker line that carries {@code reference}. */
    static String marker(String reference) {
        return "[//]: # (project-boards-ref: " + reference + ")";
    }

    /** The description with the reference marker appended (on its own line, after a blank one). */
    static String describe(String description, String reference) {
        if (reference == null) {
            return description;
        }
        return (description == null || description.isBlank() ? "" : description.stripTrailing() + "\n\n") + marker(reference);
    }

    /** The reference this card carries, or {@code null}. */
    public String reference() {
        if (description == null) {
            return null;
        }
        Matcher matcher = MARKER.matcher(description);
        return matcher.find() ? matcher.group(1) : null;
    }
}
