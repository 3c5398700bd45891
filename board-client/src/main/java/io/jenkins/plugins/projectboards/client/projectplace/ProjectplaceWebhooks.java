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
 * no way to sign deliveries: the receiver's secret travels in the registered URL, which must be https, as a
 * {@code token} query parameter or, where a board's subscription already has it so, as the URL's last path segment
 * (for a Projectplace that drops the query; docs/projectplace.md).
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
            hooks.add(new ProjectplaceWebhook(node.path("id").asText(), Json.text(node, "artifact_type"),
                    node.path("artifact_id").asText(), List.copyOf(events), node.path("webhook").asText()));
        });
        return hooks;
    }

    /**
     * Subscribes a board's events to {@code url} with the secret. The robot's subscription of the board to these
     * events is kept one, as Projectplace's own example ({@code board_subscription.py}) keeps it: when there is one,
     * its URL is updated in place if it differs (a rotated secret, another Jenkins URL) and it is reported with
     * {@code created} false; the secret stays where that subscription carries it (query or path).
     *
     * @param events empty means {@code card_status_change}
     */
    public WebhookSubscription subscribe(ProjectplaceBoard board, String url, List<String> events, String secret) {
        List<String> wanted = checked(events);
        String target = withToken(url, secret);
        Optional<ProjectplaceWebhook> existing = boardSubscription(board, wanted);
        if (existing.isPresent()) {
            String kept = secretInPath(url, existing.get().url()) ? withPathSecret(url, secret) : target;
            if (!existing.get().url().equals(kept)) {
                update(existing.get().id(), kept, wanted);
            }
            return new WebhookSubscription(existing.get().id(), url, existing.get().eventTypes(), board.id(), false);
        }
        String operation = "subscribeWebhook";
        ObjectNode body = Json.object().put("artifact_type", "board")
                .put("artifact_id", numericId(operation, "board", board.id()));
        body.set("event_type", array(wanted));
        body.put("project_id", numericId(operation, "workspace", board.workspaceId())).put("webhook", target);
        JsonNode created = transport.send("POST", transport.v1("webhooks"), body, false);
        return new WebhookSubscription(Json.text(created, "id"), url, wanted, board.id(), true);
    }

    /** The robot's subscription of the board to these events, whatever its URL, as {@link #subscribe} would keep it. */
    public Optional<WebhookSubscription> find(ProjectplaceBoard board, String url, List<String> events) {
        return boardSubscription(board, checked(events))
                .map(hook -> new WebhookSubscription(hook.id(), url, hook.eventTypes(), board.id(), false));
    }

    /** As the vendor's example matches it: {@code artifact_type} board, the board's id, the same events. */
    private Optional<ProjectplaceWebhook> boardSubscription(ProjectplaceBoard board, List<String> wanted) {
        for (ProjectplaceWebhook hook : list()) {
            if ("board".equals(hook.artifactType()) && hook.artifactId().equals(board.id())
                    && new HashSet<>(hook.eventTypes()).equals(new HashSet<>(wanted))) {
                return Optional.of(hook);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code registered} is {@code url} with one more path segment (the secret) and no query. */
    private static boolean secretInPath(String url, String registered) {
        HttpUrl ours = HttpUrl.parse(url);
        HttpUrl theirs = registered == null ? null : HttpUrl.parse(registered);
        if (ours == null || theirs == null || theirs.query() != null || theirs.pathSize() != ours.pathSize() + 1) {
            return false;
        }
        return theirs.newBuilder().removePathSegment(theirs.pathSize() - 1).build().equals(ours);
    }

    /** Points a subscription at {@code url} with the secret as {@code ?token=} ({@code PUT /1/webhooks/{id}/update}). */
    public void update(String id, String url, String secret, List<String> events) {
        update(id, withToken(url, secret), checked(events));
    }

    private void update(String id, String registered, List<String> events) {
        ObjectNode body = Json.object();
        body.set("event_type", array(events));
        body.put("webhook", registered);
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
        HttpUrl parsed = https(url);
        return secret == null ? url : parsed.newBuilder().setQueryParameter("token", secret).build().toString();
    }

    private static String withPathSecret(String url, String secret) {
        HttpUrl parsed = https(url);
        return secret == null ? url : parsed.newBuilder().addPathSegment(secret).build().toString();
    }

    private static HttpUrl https(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !parsed.isHttps()) {
            throw new ValidationException(Vendor.PROJECTPLACE, "subscribe webhook", 0, "url",
                    "Projectplace delivers webhooks to https URLs only");
        }
        return parsed;
    }

    /**
     * The {@code token} query parameter, the delivery's proof of origin (read before its body), or null. A secret
     * in the endpoint's path instead is the endpoint's to read ({@code WebhookIntake}).
     */
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
