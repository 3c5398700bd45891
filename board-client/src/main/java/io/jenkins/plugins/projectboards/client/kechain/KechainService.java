package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A KE-chain service (a script) in a scope. */
public record KechainService(String id, String name, String scopeId) {

    static KechainService from(JsonNode node) {
        return new KechainService(Json.require(Vendor.KECHAIN, "read service", node, "id").asText(), Json.text(node, "name"),
                Json.text(node, "scope"));
    }
}
