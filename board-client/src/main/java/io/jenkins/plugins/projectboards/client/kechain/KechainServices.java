package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.HttpResult;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Services (scripts) of a scope and their executions: execute, read, log, terminate. */
public final class KechainServices {
    private final KechainTransport transport;

    KechainServices(KechainTransport transport) {
        this.transport = transport;
    }

    /** A service by id (a UUID), or by name within the scope. */
    public KechainService service(KechainScope scope, String nameOrId) {
        Map<String, String> filter = KechainBoards.isId(nameOrId) ? Map.of("id", nameOrId) : KechainTransport.query("name", nameOrId, "scope", scope.id());
        return KechainService.from(transport.single("api/services.json", filter, "service",
                "service '" + nameOrId + "' in scope '" + scope.name() + "'"));
    }

    /**
     * What {@code execute} answered: a new execution (202), or with {@code alreadyRunning} the one that was running
     * (409).
     */
    public record Started(KechainExecution execution, boolean alreadyRunning) {}

    /**
     * Starts the service ({@code GET …/execute?interactive=False&format=json}; not idempotent, never retried).
     *
     * @param activityId optional context the script sees, or {@code null}
     */
    public Started execute(String serviceId, String activityId) {
        String path = "api/services/" + serviceId + "/execute";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("interactive", "False");
        query.put("format", "json");
        if (activityId != null) {
            query.put("activity_id", activityId);
        }
        HttpResult result = transport.exchange("GET", path, query, null, false);
        if (result.status() != 202 && result.status() != 409) {
            throw KechainTransport.error("GET " + path, result);
        }
        JsonNode answer = Json.parse(Vendor.KECHAIN, "GET " + path, result);
        return new Started(KechainExecution.from(KechainTransport.first("GET " + path, answer), transport.baseUrl()),
                result.status() == 409);
    }

    public KechainExecution execution(String executionId) {
        return KechainExecution.from(KechainTransport.first("GET execution",
                transport.json("GET", "api/service_executions/" + executionId + ".json", Map.of(), null, true)), transport.baseUrl());
    }

    /**
     * The execution's output (text/plain). A log larger than {@link HttpCore#MAX_BODY_BYTES} is cut there with a
     * note: its beginning is still worth showing, and the whole of it could take Jenkins' memory.
     */
    public String log(String executionId) {
        HttpResult result = transport.text("api/service_executions/" + executionId + "/log");
        return result.truncated()
                ? result.body() + "\n… (the log is longer than " + HttpCore.MAX_BODY_BYTES / (1024 * 1024)
                        + " MiB and was cut here; KE-chain has all of it)\n"
                : result.body();
    }

    public void terminate(String executionId) {
        transport.json("GET", "api/service_executions/" + executionId + "/terminate", Map.of("format", "json"), null, true);
    }
}
