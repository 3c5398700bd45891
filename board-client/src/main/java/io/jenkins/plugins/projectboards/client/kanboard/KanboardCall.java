package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.http.Json;

/**
 * One JSON-RPC procedure call, with named parameters.
 *
 * @param idempotent whether sending it twice changes nothing (reads, moves to a given place, close/open)
 */
public record KanboardCall(String method, ObjectNode params, boolean idempotent) {

    public static KanboardCall read(String method) {
        return new KanboardCall(method, Json.object(), true);
    }

    public static KanboardCall write(String method) {
        return new KanboardCall(method, Json.object(), false);
    }

    /** Adds a named parameter; {@code null} values are left out, so Kanboard applies its default. */
    public KanboardCall with(String name, Object value) {
        if (value != null) {
            params.set(name, Json.MAPPER.valueToTree(value));
        }
        return this;
    }
}
