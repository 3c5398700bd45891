package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A Kanboard project (the neutral "board"). */
public record KanboardProject(String id, String name, String identifier, String boardUrl) {

    static KanboardProject from(JsonNode node) {
        return new KanboardProject(Json.require(Vendor.KANBOARD, "read project", node, "id").asText(),
                Json.text(node, "name"), Json.text(node, "identifier"), node.path("url").path("board").asText(null));
    }
}
