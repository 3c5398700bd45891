package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A column of a Kanboard project. */
public record KanboardColumn(String id, String title, int position) {

    static KanboardColumn from(JsonNode node) {
        return new KanboardColumn(Json.require(Vendor.KANBOARD, "getColumns", node, "id").asText(),
                Json.text(node, "title"), node.path("position").asInt());
    }
}
