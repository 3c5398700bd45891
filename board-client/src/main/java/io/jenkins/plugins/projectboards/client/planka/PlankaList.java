package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/**
 * A list of a board (the neutral "column"). Only {@code active} and {@code closed} lists hold cards users see;
 * a card moved into a {@code closed} list is closed.
 */
public record PlankaList(String id, String name, String type, double position) {

    static PlankaList from(JsonNode node) {
        return new PlankaList(Json.require(Vendor.PLANKA, "read list", node, "id").asText(), Json.text(node, "name"),
                Json.text(node, "type"), node.path("position").asDouble());
    }

    boolean holdsCards() {
        return "active".equals(type) || "closed".equals(type);
    }
}
