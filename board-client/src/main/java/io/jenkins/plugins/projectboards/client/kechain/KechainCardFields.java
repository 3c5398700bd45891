package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An activity's fields beyond the card: description, tags, due date, assignee, completed. */
public final class KechainCardFields {
    private static final String COMPLETED = "COMPLETED";

    private final KechainUsers users;

    KechainCardFields(KechainUsers users) {
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
}
