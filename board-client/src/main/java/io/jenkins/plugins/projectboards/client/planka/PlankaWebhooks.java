package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Secrets;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Planka's webhooks (admin accounts only; Planka answers 404 to others). A webhook receives the events of every
 * board; its deliveries carry {@code Authorization: Bearer <access token>}.
 */
public final class PlankaWebhooks {
    /** Planka 2.1.1's event names (server/api/models/Webhook.js). Planka silently drops names it does not know. */
    public static final Set<String> EVENTS = Set.of("actionCreate", "attachmentCreate", "attachmentUpdate",
            "attachmentDelete", "backgroundImageCreate", "backgroundImageDelete", "baseCustomFieldGroupCreate",
            "baseCustomFieldGroupUpdate", "baseCustomFieldGroupDelete", "boardCreate", "boardUpdate", "boardDelete",
            "boardMembershipCreate", "boardMembershipUpdate", "boardMembershipDelete", "cardCreate", "cardUpdate",
            "cardDelete", "cardLabelCreate", "cardLabelDelete", "cardMembershipCreate", "cardMembershipDelete",
            "commentCreate", "commentUpdate", "commentDelete", "configUpdate", "customFieldCreate", "customFieldUpdate",
            "customFieldDelete", "customFieldGroupCreate", "customFieldGroupUpdate", "customFieldGroupDelete",
            "customFieldValueUpdate", "customFieldValueDelete", "labelCreate", "labelUpdate", "labelDelete",
            "listCreate", "listUpdate", "listClear", "listDelete", "notificationCreate", "notificationUpdate",
            "notificationServiceCreate", "notificationServiceUpdate", "notificationServiceDelete", "projectCreate",
            "projectUpdate", "projectDelete", "projectManagerCreate", "projectManagerDelete", "taskCreate",
            "taskUpdate", "taskDelete", "taskListCreate", "taskListUpdate", "taskListDelete", "userCreate",
            "userUpdate", "userDelete", "webhookCreate", "webhookUpdate", "webhookDelete");

    private final PlankaTransport transport;
    private final String baseUrl;

    PlankaWebhooks(PlankaTransport transport, String baseUrl) {
        this.transport = transport;
        this.baseUrl = baseUrl;
    }

    /** @param events Planka event names; empty for every event */
    public PlankaWebhook create(String name, String url, String accessToken, List<String> events) {
        ObjectNode body = Json.object().put("name", name).put("url", url);
        if (accessToken != null) {
            body.put("accessToken", accessToken);
        }
        if (!checked(events).isEmpty()) {
            body.put("events", String.join(",", events));
        }
        return PlankaWebhook.from(transport.send("POST", "webhooks", body, false).path("item"));
    }

    /** Removes a webhook (the rig test cleans up with it; Jenkins never removes what it registered). */
    public void delete(String id) {
        transport.send("DELETE", "webhooks/" + id, null, true);
    }

    /**
     * Registers {@code url} for {@code events}, reusing a webhook with the same URL and events ({@code created}
     * false). The secret becomes the webhook's access token, which Planka sends back as a Bearer token; a reused
     * webhook whose token is not the secret (it was rotated) gets the secret.
     */
    public WebhookSubscription subscribe(String url, List<String> events, String secret) {
        Optional<Existing> existing = existing(url, events);
        if (existing.isEmpty()) {
            PlankaWebhook created = create("Jenkins " + url, url, secret, events);
            return new WebhookSubscription(created.id(), created.url(), created.events(), null, true);
        }
        if (secret != null && !Secrets.constantTimeEquals(secret, existing.get().accessToken())) {
            transport.send("PATCH", "webhooks/" + existing.get().hook().id(), Json.object().put("accessToken", secret), true);
        }
        return existing.get().subscription();
    }

    /** The webhook with exactly this URL and these events (in any order), if one is registered. */
    public Optional<WebhookSubscription> find(String url, List<String> events) {
        return existing(url, events).map(Existing::subscription);
    }

    /** A registered webhook with its access token, which stays here: Planka lists tokens in clear. */
    private record Existing(PlankaWebhook hook, String accessToken) {
        WebhookSubscription subscription() {
            return new WebhookSubscription(hook.id(), hook.url(), hook.events(), null, false);
        }

        @Override
        public String toString() {
            return "Existing[" + hook + ", accessToken=" + Secrets.mask(accessToken) + "]";
        }
    }

    private Optional<Existing> existing(String url, List<String> events) {
        Set<String> wanted = new HashSet<>(checked(events));
        for (JsonNode node : transport.get("webhooks").path("items")) {
            PlankaWebhook hook = PlankaWebhook.from(node);
            if (url.equals(hook.url()) && new HashSet<>(hook.events()).equals(wanted) && hook.excludedEvents().isEmpty()) {
                return Optional.of(new Existing(hook, Json.text(node, "accessToken")));
            }
        }
        return Optional.empty();
    }

    private static List<String> checked(List<String> events) {
        List<String> names = events == null ? List.of() : events;
        List<String> unknown = names.stream().filter(name -> !EVENTS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(Vendor.PLANKA, "subscribe webhook", 0, "events", "unknown Planka event(s) "
                    + unknown + "; valid events: " + String.join(", ", EVENTS.stream().sorted().toList()));
        }
        return names;
    }

    /** The token of the delivery's {@code Authorization: Bearer} header (read before its body), or null. */
    public static String presentedToken(WebhookDelivery delivery) {
        String authorization = delivery.header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : null;
    }

    /**
     * Reads a delivery ({@code {event, data:{item, included}, prevData, user}}) into a neutral event. The board is
     * named as steps name it, {@code Project/Board} (the delivery includes the board's project).
     */
    public BoardEvent parse(WebhookDelivery delivery) {
        JsonNode body = Json.parseDelivery(Vendor.PLANKA, "parse webhook", delivery);
        String event = Json.text(body, "event");
        JsonNode data = body.path("data");
        if (event == null || !data.has("item")) {
            throw new MalformedResponseException(Vendor.PLANKA, "parse webhook", 0, "not a Planka webhook delivery (no event / data.item)");
        }
        JsonNode item = data.get("item");
        JsonNode included = data.path("included");
        JsonNode card = event.startsWith("card") && !event.startsWith("cardLabel") && !event.startsWith("cardMembership")
                ? item : first(included.path("cards"), Json.text(item, "cardId"));
        String listId = card == null ? null : Json.text(card, "listId");
        String toColumn = listName(included, listId);
        String previousListId = body.path("prevData").path("item").path("listId").asText(null);
        boolean moved = "cardUpdate".equals(event) && previousListId != null && !previousListId.equals(listId);
        String type = switch (event) {
            case "cardCreate" -> BoardEvent.CARD_CREATED;
            case "cardUpdate" -> moved ? BoardEvent.CARD_MOVED : BoardEvent.CARD_UPDATED;
            case "cardDelete" -> BoardEvent.CARD_DELETED;
            case "commentCreate" -> BoardEvent.CARD_COMMENTED;
            default -> BoardEvent.OTHER;
        };
        JsonNode board = included.path("boards").path(0);
        String cardId = card == null ? null : Json.text(card, "id");
        JsonNode user = body.path("user");
        return new BoardEvent(Vendor.PLANKA, type, event, Json.text(board, "id"), boardName(board, included.path("projects")), cardId,
                card == null ? null : Json.text(card, "name"), cardId == null ? null : baseUrl + "/cards/" + cardId,
                moved ? listName(body.path("prevData").path("included"), previousListId) : null, toColumn,
                user.hasNonNull("username") ? user.get("username").asText() : Json.text(user, "name"));
    }

    /** {@code Project/Board} when the delivery includes the board's project (it does), else the board's own name. */
    private static String boardName(JsonNode board, JsonNode projects) {
        String name = Json.text(board, "name");
        String projectId = Json.text(board, "projectId");
        JsonNode project = projectId == null ? null : first(projects, projectId);
        String projectName = project == null ? null : Json.text(project, "name");
        return name == null || projectName == null ? name
                : new PlankaBoard(Json.text(board, "id"), name, Json.text(project, "id"), projectName).qualifiedName();
    }

    private static JsonNode first(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id == null || id.equals(Json.text(node, "id"))) {
                return node;
            }
        }
        return null;
    }

    private static String listName(JsonNode included, String listId) {
        JsonNode list = listId == null ? null : first(included.path("lists"), listId);
        return list == null ? null : Json.text(list, "name");
    }
}
