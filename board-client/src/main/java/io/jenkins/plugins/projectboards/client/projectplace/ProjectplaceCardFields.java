package io.jenkins.plugins.projectboards.client.projectplace;

import static io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceTransport.numericId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A card's fields beyond the card: description, its one label, due date, assignee, done; read, searched, updated. */
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
     * The details of a card as Projectplace describes it; the label is named from the board's labels, the assignee
     * by the {@code assignee} object the card carries ({@code {id, name}}).
     */
    CardDetails details(Card card, JsonNode shown) {
        String labelId = Json.text(shown, "label_id");
        List<String> labels = labelId == null ? List.of() : List.of(boards.label(boards.board(card.board().id()), labelId).name());
        String due = Json.text(shown, "due_date");
        String assigneeId = Json.text(shown, "assignee_id");
        UserRef assignee = assigneeId == null ? null
                : new UserRef(assigneeId, shown.path("assignee").path("name").asText(assigneeId));
        return new CardDetails(card, ReferenceMarker.strip(Json.text(shown, "description")), labels,
                due == null ? null : LocalDate.parse(due), assignee, shown.path("is_done").asBoolean());
    }

    /** The board's cards ({@code GET /1/boards/{id}/cards}, inferred), checked here: Projectplace has no card search. */
    List<CardDetails> find(BoardRef board, CardQuery query, Function<ProjectplaceCard, Card> card) {
        List<CardDetails> matching = new ArrayList<>();
        for (JsonNode found : transport.get(transport.v1("boards/" + board.id() + "/cards"))) {
            CardDetails details = details(card.apply(ProjectplaceCard.from(found)), found);
            if (query.matches(details)) {
                matching.add(details);
                if (matching.size() == query.limit()) {
                    break;
                }
            }
        }
        return matching;
    }

    /**
     * {@code PUT /1/cards/{id}} (inferred) with the changed fields only. A card carries at most one label, so the
     * labels after the change must be one or none.
     */
    CardDetails update(CardDetails card, CardChanges changes) {
        ObjectNode body = Json.object();
        if (changes.fields().contains(CardChanges.LABELS)) {
            List<String> labels = changes.labelsOf(card);
            if (labels.size() > 1) {
                throw new ValidationException(Vendor.PROJECTPLACE, "updateCard", 0, "addLabels",
                        "a Projectplace card has at most one label; remove " + card.labels() + " in the same change");
            }
            if (labels.isEmpty()) {
                body.putNull("label_id");
            } else {
                body.put("label_id", numericId("updateCard", "addLabels",
                        boards.label(boards.board(card.card().board().id()), labels.get(0)).id()));
            }
        }
        if (changes.title() != null) {
            body.put("title", changes.title());
        }
        if (changes.description() != null) {
            body.put("description", ReferenceMarker.append(changes.description(), card.card().reference()));
        }
        if (changes.due() != null) {
            body.put("due_date", changes.due().toString());
        }
        if (changes.assignee() != null) {
            body.put("assignee_id", numericId("updateCard", "assignee", changes.assignee().id()));
        }
        transport.send("PUT", transport.v1("cards/" + card.card().id()), body, true);
        return changes.applyTo(card);
    }
}
