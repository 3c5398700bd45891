package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A card's fields beyond the card: description, labels, due date, members, closed. */
public final class PlankaCardFields {
    private final PlankaTransport transport;
    private final PlankaBoards boards;

    PlankaCardFields(PlankaTransport transport, PlankaBoards boards) {
        this.transport = transport;
        this.boards = boards;
    }

    /** {@code GET /api/cards/{id}}: the card with its labels, members and their users; empty when Planka does not know it. */
    public Optional<JsonNode> show(String cardId) {
        try {
            return Optional.of(transport.get("cards/" + cardId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The details of a card as {@link #show} read it. Label names come from the board's cached labels (read again
     * once for a label made since); the assignee is the first member, named by the users the answer includes.
     */
    CardDetails details(Card card, JsonNode shown) {
        JsonNode item = shown.path("item");
        JsonNode included = shown.path("included");
        List<String> labels = new ArrayList<>();
        included.path("cardLabels").forEach(cardLabel ->
                labels.add(boards.label(card.board().id(), cardLabel.path("labelId").asText()).name()));
        String dueDate = Json.text(item, "dueDate");
        LocalDate due = dueDate == null ? null : LocalDate.ofInstant(Instant.parse(dueDate), ZoneOffset.UTC);
        boolean closed = item.path("isClosed").asBoolean()
                || boards.lists(card.board().id()).stream().anyMatch(list -> list.id().equals(card.column().id()) && "closed".equals(list.type()));
        return new CardDetails(card, ReferenceMarker.strip(Json.text(item, "description")), labels, due,
                firstMember(included), closed);
    }

    private static UserRef firstMember(JsonNode included) {
        JsonNode membership = included.path("cardMemberships").path(0);
        if (membership.isMissingNode()) {
            return null;
        }
        String userId = membership.path("userId").asText();
        for (JsonNode user : included.path("users")) {
            if (userId.equals(user.path("id").asText())) {
                return new UserRef(userId, Json.text(user, "username"));
            }
        }
        return new UserRef(userId, userId);
    }
}
