package io.jenkins.plugins.projectboards.client.planka;

import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.List;

/** Comments on cards. */
public final class PlankaComments {
    private final PlankaTransport transport;

    PlankaComments(PlankaTransport transport) {
        this.transport = transport;
    }

    public PlankaComment create(String cardId, String text) {
        return PlankaComment.from(transport.send("POST", "cards/" + cardId + "/comments", Json.object().put("text", text), false)
                .path("item"));
    }

    public List<PlankaComment> list(String cardId) {
        return PlankaBoardSnapshot.read(transport.get("cards/" + cardId + "/comments").get("items"), PlankaComment::from);
    }
}
