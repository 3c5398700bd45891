package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** An active swimlane of a Kanboard project. */
public record KanboardSwimlane(String id, String name, int position) {

    static KanboardSwimlane from(JsonNode node) {
        return new KanboardSwimlane(Json.require(Vendor.KANBOARD, "getActiveSwimlanes", node, "id").asText(),
                Json.text(node, "name"), node.path("position").asInt());
    }
}
