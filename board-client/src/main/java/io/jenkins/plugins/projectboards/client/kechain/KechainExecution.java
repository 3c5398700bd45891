package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.Set;

/**
 * One run of a service. Status moves LOADING → RUNNING → COMPLETED, FAILED or TERMINATED (through TERMINATING);
 * the log is the only output.
 *
 * @param url the execution's address as the server gave it, when it is an http(s) link on the connection's host
 *     ({@link Links#safe}); otherwise {@code null}
 */
public record KechainExecution(String id, String serviceId, String serviceName, String status, String url, String username) {
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "TERMINATED");

    static KechainExecution from(JsonNode node, String connectionUrl) {
        return new KechainExecution(Json.require(Vendor.KECHAIN, "read execution", node, "id").asText(), Json.text(node, "service"),
                Json.text(node, "service_name"), Json.require(Vendor.KECHAIN, "read execution", node, "status").asText(),
                Links.safe(Json.text(node, "url"), connectionUrl), Json.text(node, "username"));
    }

    public boolean finished() {
        return TERMINAL.contains(status);
    }
}
