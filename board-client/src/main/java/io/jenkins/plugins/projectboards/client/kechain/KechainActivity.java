package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A KE-chain activity (the neutral "card"); its {@code status} is {@code OPEN} or {@code COMPLETED}, and its
 * {@code ref} slug serves as the card's reference.
 */
public record KechainActivity(String id, String name, String ref, String status, String scopeId, List<String> assigneeIds) {

    static KechainActivity from(JsonNode node) {
        List<String> assignees = new ArrayList<>();
        node.path("assignees_ids").forEach(id -> assignees.add(id.asText()));
        return new KechainActivity(Json.require(Vendor.KECHAIN, "read activity", node, "id").asText(), Json.text(node, "name"),
                Json.text(node, "ref"), Json.text(node, "status"), Json.text(node, "scope_id"), List.copyOf(assignees));
    }
}
