package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A comment on a card. */
public record PlankaComment(String id, String text, String cardId, String userId) {

    static PlankaComment from(JsonNode node) {
        return new PlankaComment(Json.require(Vendor.PLANKA, "read comment", node, "id").asText(), Json.text(node, "text"),
                Json.text(node, "cardId"), Json.text(node, "userId"));
    }
}
