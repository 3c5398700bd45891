package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A label defined on a board; cards get labels by id. */
public record PlankaLabel(String id, String name, String color) {

    static PlankaLabel from(JsonNode node) {
        return new PlankaLabel(Json.require(Vendor.PLANKA, "read label", node, "id").asText(), Json.text(node, "name"),
                Json.text(node, "color"));
    }
}
