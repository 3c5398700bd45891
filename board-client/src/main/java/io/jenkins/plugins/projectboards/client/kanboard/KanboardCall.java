package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.http.Json;

/**
 * One JSON-RPC procedure call, with named parameters.
 *
 * @param idempotent whether sending it twice changes nothing (reads, moves to a given place, close/open)
 */
public record KanboardCall(String method, ObjectNode params, boolean idempotent) {

    /** A call that changes nothing when sent twice (reads, moves to a given place, close/open): it may be retried. */
    public static KanboardCall idempotent(String method) {
        return new KanboardCall(method, Json.object(), true);
    }

    /** A call that must not be sent twice (creates): it is retried only when it provably never reached the server. */
    public static KanboardCall once(String method) {
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
