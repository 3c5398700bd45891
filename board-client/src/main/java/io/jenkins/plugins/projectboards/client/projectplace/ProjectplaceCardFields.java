package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A card's fields beyond the card: description, its one label, due date, assignee, done. */
public final class ProjectplaceCardFields {
    private final ProjectplaceTransport transport;
    private final ProjectplaceBoards boards;

    ProjectplaceCardFields(ProjectplaceTransport transport, ProjectplaceBoards boards) {
        this.transport = transport;
        this.boards = boards;
    }

    /** {@code GET /1/cards/{id}} (inferred) as it answers; empty when Projectplace does not know the card. */
    public Optional<JsonNode> show(String cardId) {
        try {
            return Optional.of(transport.get(transport.v1("cards/" + cardId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The details of a card as {@link #show} read it; the label is named from the board's labels, the assignee by the
     * {@code assignee} object the card carries ({@code {id, name}}).
     */
    CardDetails details(Card card, JsonNode shown) {
        String labelId = Json.text(shown, "label_id");
        List<String> labels = labelId == null ? List.of() : List.of(boards.label(boards.board(card.board().id()), labelId).name());
        String due = Json.text(shown, "due_date");
        String assigneeId = Json.text(shown, "assignee_id");
        UserRef assignee = assigneeId == null ? null
                : new UserRef(assigneeId, shown.path("assignee").path("name").asText(assigneeId));
        return new CardDetails(card, ReferenceMarker.strip(Json.text(shown, "description")), labels,
                due == null ? null : LocalDate.parse(due), assignee,
                shown.path("is_done").asBoolean());
    }
}
