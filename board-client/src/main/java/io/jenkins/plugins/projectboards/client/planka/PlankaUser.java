package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A Planka user; {@code role} is {@code admin}, {@code projectOwner} or {@code boardUser}. */
public record PlankaUser(String id, String username, String email, String name, String role) {

    static PlankaUser from(JsonNode node) {
        return new PlankaUser(Json.require(Vendor.PLANKA, "read user", node, "id").asText(), Json.text(node, "username"),
                Json.text(node, "email"), Json.text(node, "name"), Json.text(node, "role"));
    }
}
