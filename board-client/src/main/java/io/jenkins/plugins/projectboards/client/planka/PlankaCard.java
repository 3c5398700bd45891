package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;

/**
 * A Planka card. Planka has no reference field: a reference lives in the description ({@link ReferenceMarker}).
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

    /** The reference this card carries in its description, or {@code null}. */
    public String reference() {
        return ReferenceMarker.find(description);
    }
}
