package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardException;

/**
 * The answer to one call of a batch: its result, or the typed error that call alone failed with (the other calls of
 * the batch are unaffected).
 */
public record KanboardAnswer(KanboardCall call, JsonNode result, BoardException error) {

    public boolean failed() {
        return error != null;
    }

    /** The result, or the call's error thrown. */
    public JsonNode resultOrThrow() {
        if (error != null) {
            throw error;
        }
        return result;
    }
}
