package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * A name lookup (projects, a project's columns, a user) that can ride in a JSON-RPC batch the caller sends anyway,
 * instead of costing a request of its own: the call, and how its answer fills the client's name cache. An answer that
 * is an error or {@code null} is not remembered; the ordinary lookup then asks again and reports it with its typed
 * error.
 *
 * @param remember stores a successful, non-null result in the cache the ordinary lookup reads
 */
record KanboardLookup(KanboardCall call, Consumer<JsonNode> remember) {}
