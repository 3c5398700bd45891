package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.http.Json;

/** Comments on cards. */
public final class ProjectplaceComments {
    private final ProjectplaceTransport transport;

    ProjectplaceComments(ProjectplaceTransport transport) {
        this.transport = transport;
    }

    /**
     * Adds a comment ({@code POST /1/cards/{id}/comments/create-new}).
     *
     * @return the comment's id, or {@code null}: the answer's shape is not documented
     */
    public String create(String cardId, String text) {
        JsonNode answer = transport.send("POST", transport.v1("cards/" + cardId + "/comments/create-new"),
                Json.object().put("text", text), false);
        return Json.text(answer, "id");
    }
}
