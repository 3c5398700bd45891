package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A task's fields beyond the card: description, tags, due date, assignee, open or closed; read, searched, updated. */
public final class KanboardCardFields {
    private static final String NOBODY = "0";

    private final KanboardTransport transport;
    private final KanboardUsers users;

    KanboardCardFields(KanboardTransport transport, KanboardUsers users) {
        this.transport = transport;
        this.users = users;
    }

    /**
     * The details of a task read by {@code getTask} or {@code getTaskByReference}: its tags ({@code getTaskTags}) and
     * its assignee's name (cached) are read on top.
     */
    CardDetails details(Card card, JsonNode task) {
        String ownerId = Json.text(task, "owner_id");
        UserRef assignee = ownerId == null || ownerId.equals(NOBODY) ? null : user(ownerId);
        return details(card, task, tags(card.id()), assignee);
    }

    private static CardDetails details(Card card, JsonNode task, List<String> tags, UserRef assignee) {
        return new CardDetails(card, Json.text(task, "description"), tags, due(task.path("date_due").asLong()), assignee,
                task.path("is_active").asInt(1) == 0);
    }

    /** Tag names; Kanboard answers an object {@code {"tag id": "name"}}, or an empty array when there are none. */
    public List<String> tags(String taskId) {
        return names(transport.call(tagsCall(taskId)));
    }

    private static KanboardCall tagsCall(String taskId) {
        return KanboardCall.idempotent("getTaskTags").with("task_id", Long.parseLong(taskId));
    }

    private static List<String> names(JsonNode tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(name -> names.add(name.asText()));
        return names;
    }

    /**
     * {@code searchTasks} with Kanboard's query syntax (open and closed tasks), then the tags of the first
     * {@code limit} candidates in one JSON-RPC batch. The search answer names each task's assignee, so no user is
     * read.
     */
    List<CardDetails> find(BoardRef board, CardQuery query, Function<KanboardTask, Card> card) {
        JsonNode found = transport.call(KanboardCall.idempotent("searchTasks").with("project_id", Long.parseLong(board.id()))
                .with("query", searchQuery(query)));
        List<Card> cards = new ArrayList<>();
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode task : found) {
            Card candidate = card.apply(KanboardTask.from(task));
            if (tasks.size() < query.limit() && query.matchesCard(candidate)) {
                cards.add(candidate);
                tasks.add(task);
            }
        }
        List<KanboardAnswer> tags = transport.batch(cards.stream().map(candidate -> tagsCall(candidate.id())).toList());
        List<CardDetails> matching = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            JsonNode task = tasks.get(i);
            String ownerId = Json.text(task, "owner_id");
            UserRef assignee = ownerId == null || ownerId.equals(NOBODY) ? null
                    : new UserRef(ownerId, Json.text(task, "assignee_username"));
            CardDetails details = details(cards.get(i), task, names(tags.get(i).resultOrThrow()), assignee);
            if (query.matches(details)) {
                matching.add(details);
            }
        }
        return matching;
    }

    /**
     * Kanboard's search syntax, each value in double quotes. Kanboard's lexer ends a quoted value at the next quote
     * and drops every quote, so a value with a quote in it cannot be searched for: it is left out of the query (which
     * then finds more tasks) and checked here like every criterion.
     */
    static String searchQuery(CardQuery query) {
        List<String> terms = new ArrayList<>();
        if (query.column() != null) {
            term(terms, "column:", query.column().name());
        }
        query.labels().forEach(label -> term(terms, "tag:", label));
        if (query.reference() != null) {
            term(terms, "ref:", query.reference());
        }
        if (query.text() != null) {
            term(terms, "", query.text());
        }
        return String.join(" ", terms);
    }

    private static void term(List<String> terms, String attribute, String value) {
        if (!value.contains("\"")) {
            terms.add(attribute + "\"" + value + "\"");
        }
    }

    /**
     * {@code updateTask} with the changed fields only; labels are sent as the task's whole new tag list, which
     * Kanboard saves in place of the old one.
     */
    CardDetails update(CardDetails card, CardChanges changes) {
        transport.call(KanboardCall.idempotent("updateTask")
                .with("id", Long.parseLong(card.card().id()))
                .with("title", changes.title())
                .with("description", changes.description())
                .with("date_due", changes.due() == null ? null : changes.due().toString())
                .with("owner_id", changes.assignee() == null ? null : Long.parseLong(changes.assignee().id()))
                .with("tags", changes.fields().contains(CardChanges.LABELS) ? changes.labelsOf(card) : null));
        return changes.applyTo(card);
    }

    private UserRef user(String id) {
        KanboardUser user = users.user(id);
        return new UserRef(user.id(), user.username());
    }

    /** Kanboard keeps due dates as unix seconds, 0 for none. */
    static LocalDate due(long unixSeconds) {
        return unixSeconds == 0 ? null : LocalDate.ofInstant(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }
}
