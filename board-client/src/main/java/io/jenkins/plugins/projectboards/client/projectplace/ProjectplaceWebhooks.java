package io.jenkins.plugins.projectboards.client.projectplace;

import static io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceTransport.numericId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Board webhooks. Projectplace documents one event, {@code card_status_change} (a card moved to another column), and
 * no way to sign deliveries: the receiver's secret travels as a {@code token} query parameter of the registered URL,
 * which must be https.
 */
public final class ProjectplaceWebhooks {
    public static final String CARD_STATUS_CHANGE = "card_status_change";
    private static final Set<String> EVENTS = Set.of(CARD_STATUS_CHANGE);

    private final ProjectplaceTransport transport;

    ProjectplaceWebhooks(ProjectplaceTransport transport) {
        this.transport = transport;
    }

    public List<ProjectplaceWebhook> list() {
        List<ProjectplaceWebhook> hooks = new ArrayList<>();
        transport.get(transport.v1("webhooks/list")).forEach(node -> {
            List<String> events = new ArrayList<>();
            JsonNode types = node.path("event_type");
            if (types.isArray()) {
                types.forEach(type -> events.add(type.asText()));
            } else if (types.isTextual()) {
                events.add(types.asText());
            }
            hooks.add(new ProjectplaceWebhook(node.path("id").asText(), node.path("artifact_id").asText(), List.copyOf(events),
                    node.path("webhook").asText()));
        });
        return hooks;
    }

    /**
     * Subscribes {@code url} (with {@code ?token=<secret>} added) to a board's events, reusing the board's subscription
     * of that URL and events ({@code created} false); a reused one whose token is not the secret (it was rotated)
     * gets the secret.
     *
     * @param events empty means {@code card_status_change}
     */
    public WebhookSubscription subscribe(ProjectplaceBoard board, String url, List<String> events, String secret) {
        List<String> wanted = checked(events);
        String target = withToken(url, secret);
        Optional<ProjectplaceWebhook> existing = existing(board, url, wanted);
        if (existing.isPresent()) {
            if (!existing.get().url().equals(target)) {
                update(existing.get().id(), url, secret, wanted);
            }
            return new WebhookSubscription(existing.get().id(), url, existing.get().eventTypes(), board.id(), false);
        }
        String operation = "subscribeWebhook";
        ObjectNode body = Json.object().put("artifact_type", "board")
                .put("artifact_id", numericId(operation, "board", board.id()));
        body.set("event_type", array(wanted));
        body.put("project_id", numericId(operation, "board", board.workspaceId())).put("webhook", target);
        JsonNode created = transport.send("POST", transport.v1("webhooks"), body, false);
        return new WebhookSubscription(Json.text(created, "id"), url, wanted, board.id(), true);
    }

    /** The board's subscription of this URL (whatever its token) and these events, if there is one. */
    public Optional<WebhookSubscription> find(ProjectplaceBoard board, String url, List<String> events) {
        return existing(board, url, checked(events))
                .map(hook -> new WebhookSubscription(hook.id(), url, hook.eventTypes(), board.id(), false));
    }

    private Optional<ProjectplaceWebhook> existing(ProjectplaceBoard board, String url, List<String> wanted) {
        HttpUrl plain = withoutToken(url);
        for (ProjectplaceWebhook hook : list()) {
            if (hook.artifactId().equals(board.id()) && plain != null && plain.equals(withoutToken(hook.url()))
                    && new HashSet<>(hook.eventTypes()).equals(new HashSet<>(wanted))) {
                return Optional.of(hook);
            }
        }
        return Optional.empty();
    }

    private static HttpUrl withoutToken(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return parsed == null ? null : parsed.newBuilder().removeAllQueryParameters("token").build();
    }

    public void update(String id, String url, String secret, List<String> events) {
        ObjectNode body = Json.object();
        body.set("event_type", array(checked(events)));
        body.put("webhook", withToken(url, secret));
        transport.send("PUT", transport.v1("webhooks/" + id + "/update"), body, true);
    }

    private static List<String> checked(List<String> events) {
        List<String> names = events == null || events.isEmpty() ? List.of(CARD_STATUS_CHANGE) : events;
        for (String name : names) {
            if (!EVENTS.contains(name)) {
                throw new ValidationException(Vendor.PROJECTPLACE, "subscribe webhook", 0, "events",
                        "Projectplace webhooks know only '" + CARD_STATUS_CHANGE + "', not '" + name + "'");
            }
        }
        return names;
    }

    private static ArrayNode array(List<String> names) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        names.forEach(array::add);
        return array;
    }

    private static String withToken(String url, String secret) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !parsed.isHttps()) {
            throw new ValidationException(Vendor.PROJECTPLACE, "subscribe webhook", 0, "url",
                    "Projectplace delivers webhooks to https URLs only");
        }
        return secret == null ? url : parsed.newBuilder().setQueryParameter("token", secret).build().toString();
    }

    /** The {@code token} query parameter, the delivery's only proof of origin (read before its body), or null. */
    public static String presentedToken(WebhookDelivery delivery) {
        return delivery.queryParameter("token");
    }

    /**
     * Reads a delivery ({@code {id, artifact_type, artifact_id, event_type, ts, contents}}). The card's new column is
     * given by id only; Projectplace names no actor.
     */
    public BoardEvent parse(WebhookDelivery delivery) {
        JsonNode body = Json.parseDelivery(Vendor.PROJECTPLACE, "parse webhook", delivery);
        String event = Json.text(body, "event_type");
        JsonNode card = body.get("contents");
        if (event == null || card == null || !card.isObject()) {
            throw new MalformedResponseException(Vendor.PROJECTPLACE, "parse webhook", 0,
                    "not a Projectplace webhook delivery (no event_type / contents)");
        }
        return new BoardEvent(Vendor.PROJECTPLACE, CARD_STATUS_CHANGE.equals(event) ? BoardEvent.CARD_MOVED : BoardEvent.OTHER,
                event, Json.text(body, "artifact_id"), Json.text(card, "board_name"), Json.text(card, "id"),
                Json.text(card, "title"), Json.text(card, "direct_url"), null, Json.text(card, "column_id"), null);
    }
}
