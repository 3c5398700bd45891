package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An activity's fields beyond the card: description, tags, due date, assignee, completed; read, searched, updated. */
public final class KechainCardFields {
    private static final String COMPLETED = "COMPLETED";

    private final KechainTransport transport;
    private final KechainCards cards;
    private final KechainUsers users;

    KechainCardFields(KechainTransport transport, KechainCards cards, KechainUsers users) {
        this.transport = transport;
        this.cards = cards;
        this.users = users;
    }

    /** The details of an activity as KE-chain answers it; the first assignee is named by a (cached) user look-up. */
    CardDetails details(Card card, JsonNode activity) {
        List<String> tags = new ArrayList<>();
        activity.path("tags").forEach(tag -> tags.add(tag.asText()));
        String due = Json.text(activity, "due_date");
        JsonNode assigneeId = activity.path("assignees_ids").path(0);
        UserRef assignee = null;
        if (!assigneeId.isMissingNode()) {
            KechainUser user = users.user(assigneeId.asText());
            assignee = new UserRef(user.id(), user.username());
        }
        return new CardDetails(card, Json.text(activity, "description"), tags,
                due == null ? null : OffsetDateTime.parse(due).atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), assignee,
                COMPLETED.equals(Json.text(activity, "status")));
    }

    /**
     * One page of the scope's tasks ({@code limit} of them), filtered on the server by status (the column) and
     * {@code ref}; tags and text are checked here.
     */
    List<CardDetails> find(BoardRef board, CardQuery query, Function<KechainActivity, Card> card) {
        Map<String, String> filter = new LinkedHashMap<>(KechainTransport.query("scope_id", board.id(), "activity_type", "TASK"));
        if (query.column() != null) {
            filter.put("status", query.column().id());
        }
        if (query.reference() != null) {
            filter.put("ref", query.reference());
        }
        filter.put("limit", String.valueOf(query.limit()));
        List<CardDetails> matching = new ArrayList<>();
        for (JsonNode activity : transport.json("GET", KechainCards.LIST, filter, null, true).path("results")) {
            CardDetails details = details(card.apply(KechainActivity.from(activity)), activity);
            if (query.matches(details)) {
                matching.add(details);
            }
        }
        return matching;
    }

    /** pykechain's edit: the changed fields (tags as the whole new list, the assignee as the only one) in one PUT. */
    CardDetails update(CardDetails card, CardChanges changes) {
        ObjectNode edit = Json.object();
        if (changes.title() != null) {
            edit.put("name", changes.title());
        }
        if (changes.description() != null) {
            edit.put("description", changes.description());
        }
        if (changes.due() != null) {
            edit.put("due_date", changes.due() + "T00:00:00+00:00");
        }
        if (changes.fields().contains(CardChanges.LABELS)) {
            ArrayNode tags = edit.putArray("tags");
            changes.labelsOf(card).forEach(tags::add);
        }
        if (changes.assignee() != null) {
            edit.putArray("assignees_ids").add(Long.parseLong(changes.assignee().id()));
        }
        cards.edit(card.card().id(), edit);
        return changes.applyTo(card);
    }
}
