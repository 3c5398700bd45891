package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.CreateRecovery;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Activities (tasks): find by name or reference in a scope, create, set OPEN/COMPLETED, assign. */
public final class KechainCards {
    static final String LIST = "api/activities.json";

    private final KechainTransport transport;
    private final HttpListener listener;

    KechainCards(KechainTransport transport, ClientOptions options) {
        this.transport = transport;
        this.listener = options.listener();
    }

    /** The activity whose {@code ref} slug is {@code reference}, if any. */
    public Optional<KechainActivity> byReference(KechainScope scope, String reference) {
        return byReferenceAsRead(scope, reference).map(KechainActivity::from);
    }

    /** {@link #byReference} as KE-chain answers it, every field included. */
    Optional<JsonNode> byReferenceAsRead(KechainScope scope, String reference) {
        try {
            return Optional.of(transport.single(LIST, KechainTransport.query("ref", reference, "scope_id", scope.id()), "card",
                    "activity with ref '" + reference + "' in scope '" + scope.name() + "'"));
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    public Optional<KechainActivity> get(String id) {
        return getAsRead(id).map(KechainActivity::from);
    }

    /** {@link #get} as KE-chain answers it, every field included. */
    Optional<JsonNode> getAsRead(String id) {
        try {
            return Optional.of(KechainTransport.first("GET activity",
                    transport.json("GET", "api/activities/" + id + ".json", Map.of(), null, true)));
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    /**
     * Creates an OPEN task under the scope's workflow root. The reference becomes the activity's {@code ref}; when
     * the answer to the create is lost, an activity with that ref is looked for before the create is sent once more
     * (without a reference, a lost create is reported, not repeated).
     */
    public KechainActivity create(KechainScope scope, String name, String description, LocalDate due, List<String> tags, String reference) {
        ObjectNode body = Json.object().put("name", name).put("parent_id", scope.workflowRootId()).put("status", "OPEN")
                .put("activity_type", "TASK").put("classification", "WORKFLOW");
        if (description != null) {
            body.put("description", description);
        }
        if (due != null) {
            body.put("due_date", due + "T00:00:00+00:00");
        }
        if (tags != null && !tags.isEmpty()) {
            ArrayNode array = body.putArray("tags");
            tags.forEach(array::add);
        }
        if (reference != null) {
            body.put("ref", reference);
        }
        return CreateRecovery.create(listener, reference, () -> created(body), ref -> byReference(scope, ref));
    }

    private KechainActivity created(ObjectNode body) {
        return KechainActivity.from(KechainTransport.first("POST activity", transport.json("POST", LIST, Map.of(), Json.body(body), false)));
    }

    /** Sets {@code OPEN} or {@code COMPLETED}; idempotent. */
    public KechainActivity setStatus(String activityId, String status) {
        return edit(activityId, Json.object().put("status", status));
    }

    public KechainActivity assign(String activityId, List<String> userIds) {
        ObjectNode changes = Json.object();
        ArrayNode ids = changes.putArray("assignees_ids");
        userIds.forEach(id -> ids.add(Long.parseLong(id)));
        return edit(activityId, changes);
    }

    /** pykechain's edit: the changed keys plus {@code id}. */
    KechainActivity edit(String activityId, ObjectNode changes) {
        ObjectNode body = Json.object().put("id", activityId);
        body.setAll(changes);
        return KechainActivity.from(KechainTransport.first("PUT activity",
                transport.json("PUT", "api/activities/" + activityId + ".json", Map.of(), Json.body(body), true)));
    }
}
