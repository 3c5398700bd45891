package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A Kanboard user; the full name may be {@code null}. */
public record KanboardUser(String id, String username, String name, String role) {

    static KanboardUser from(JsonNode node) {
        return new KanboardUser(Json.require(Vendor.KANBOARD, "read user", node, "id").asText(),
                Json.text(node, "username"), Json.text(node, "name"), Json.text(node, "role"));
    }
}
