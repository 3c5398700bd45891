package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.Map;

/**
 * Kanboard's outgoing webhooks. Kanboard has one global webhook URL, set by an administrator under Settings →
 * Integrations, and no API to register one; it proves its deliveries only by appending {@code ?token=<webhook
 * token>} to that URL.
 */
public final class KanboardWebhooks {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("task.create", BoardEvent.CARD_CREATED),
            Map.entry("task.move.column", BoardEvent.CARD_MOVED),
            Map.entry("task.update", BoardEvent.CARD_UPDATED),
            Map.entry("task.close", BoardEvent.CARD_UPDATED),
            Map.entry("task.open", BoardEvent.CARD_UPDATED),
            Map.entry("task.move.position", BoardEvent.CARD_UPDATED),
            Map.entry("task.move.swimlane", BoardEvent.CARD_UPDATED),
            Map.entry("task.assignee_change", BoardEvent.CARD_UPDATED),
            Map.entry("comment.create", BoardEvent.CARD_COMMENTED));

    private final String baseUrl;

    KanboardWebhooks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Always fails: the message tells the user where to set Kanboard's webhook by hand. */
    public NotSupportedException subscribeUnsupported() {
        return new NotSupportedException(Vendor.KANBOARD, "subscribeWebhook",
                "Kanboard cannot register webhooks through its API; an administrator sets the one webhook URL under"
                        + " Settings → Integrations → Webhook URL, and Kanboard adds ?token=<webhook token> to it");
    }

    /** The {@code token} query parameter, the delivery's only proof of origin (read before its body), or null. */
    public static String presentedToken(WebhookDelivery delivery) {
        return delivery.queryParameter("token");
    }

    /**
     * Reads a delivery ({@code {event_name, event_data, event_author}}). The source column of a move is given by id
     * only ({@code src_column_id}); the target column by name.
     */
    public BoardEvent parse(WebhookDelivery delivery) {
        JsonNode body = Json.parseDelivery(Vendor.KANBOARD, "parse webhook", delivery);
        String event = Json.text(body, "event_name");
        JsonNode data = body.get("event_data");
        if (event == null || data == null || !data.isObject()) {
            throw new MalformedResponseException(Vendor.KANBOARD, "parse webhook", 0,
                    "not a Kanboard webhook delivery (no event_name / event_data)");
        }
        JsonNode task = data.path("task");
        String taskId = task.has("id") ? task.get("id").asText() : Json.text(data, "task_id");
        String fromColumn = data.path("changes").has("src_column_id") ? data.path("changes").get("src_column_id").asText() : null;
        return new BoardEvent(
                Vendor.KANBOARD,
                TYPES.getOrDefault(event, BoardEvent.OTHER),
                event,
                Json.text(task, "project_id"),
                Json.text(task, "project_name"),
                taskId,
                Json.text(task, "title"),
                taskId == null ? null : KanboardClient.taskUrl(baseUrl, taskId),
                BoardEvent.CARD_MOVED.equals(TYPES.get(event)) ? fromColumn : null,
                Json.text(task, "column_title"),
                Json.text(body, "event_author"));
    }
}
