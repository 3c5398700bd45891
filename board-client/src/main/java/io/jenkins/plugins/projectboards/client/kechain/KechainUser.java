package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;

/** A KE-chain user; ids are integers. */
public record KechainUser(String id, String username, String name, String email) {

    static KechainUser from(JsonNode node) {
        String id = node.has("pk") ? node.get("pk").asText() : node.path("id").asText();
        return new KechainUser(id, node.path("username").asText(null), node.path("name").asText(null), node.path("email").asText(null));
    }
}
