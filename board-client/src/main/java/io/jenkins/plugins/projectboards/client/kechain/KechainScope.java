package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/** A KE-chain scope (project, the neutral "board"); new tasks go under its workflow root. */
public record KechainScope(String id, String name, String workflowRootId) {

    static KechainScope from(JsonNode node) {
        return new KechainScope(Json.require(Vendor.KECHAIN, "read scope", node, "id").asText(), Json.text(node, "name"),
                Json.text(node, "workflow_root_id"));
    }
}
