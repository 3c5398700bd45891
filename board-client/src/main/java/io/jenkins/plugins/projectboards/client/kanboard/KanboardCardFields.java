package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A task's fields beyond the card: description, tags, due date, assignee, open or closed. */
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
        return new CardDetails(card, Json.text(task, "description"), tags(card.id()), due(task.path("date_due").asLong()),
                assignee, task.path("is_active").asInt(1) == 0);
    }

    /** Tag names; Kanboard answers an object {@code {"tag id": "name"}}, or an empty array when there are none. */
    public List<String> tags(String taskId) {
        JsonNode answer = transport.call(KanboardCall.idempotent("getTaskTags").with("task_id", Long.parseLong(taskId)));
        List<String> names = new ArrayList<>();
        answer.forEach(name -> names.add(name.asText()));
        return names;
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
