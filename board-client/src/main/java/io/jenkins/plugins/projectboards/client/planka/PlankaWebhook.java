package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook registered in Planka. Its access token is deliberately not kept: Planka returns it in clear, and it is
 * a secret. Empty {@code events} means every event.
 */
public record PlankaWebhook(String id, String name, String url, List<String> events, List<String> excludedEvents) {

    static PlankaWebhook from(JsonNode node) {
        return new PlankaWebhook(Json.require(Vendor.PLANKA, "read webhook", node, "id").asText(), Json.text(node, "name"),
                Json.text(node, "url"), names(node.get("events")), names(node.get("excludedEvents")));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(name -> names.add(name.asText()));
        }
        return List.copyOf(names);
    }
}
