package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.Set;

/**
 * One run of a service. Status moves LOADING → RUNNING → COMPLETED, FAILED or TERMINATED (through TERMINATING);
 * the log is the only output.
 */
public record KechainExecution(String id, String serviceId, String serviceName, String status, String url, String username) {
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "TERMINATED");

    static KechainExecution from(JsonNode node) {
        return new KechainExecution(Json.require(Vendor.KECHAIN, "read execution", node, "id").asText(), Json.text(node, "service"),
                Json.text(node, "service_name"), Json.require(Vendor.KECHAIN, "read execution", node, "status").asText(),
                Json.text(node, "url"), Json.text(node, "username"));
    }

    public boolean finished() {
        return TERMINAL.contains(status);
    }
}
