package io.jenkins.plugins.projectboards.client.projectplace;

import static io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceCardReader.carriesOtherThan;
import static io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceTransport.numericId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** A card's fields beyond the card: description, its one label, due date, assignee, done; read, searched, updated. */
public final class ProjectplaceCardFields {
    /** The card fields {@link #details} reads: a listed card without one of them is read by id before it is judged. */
    private static final List<String> DETAIL_FIELDS = List.of("title", "description", "column_id", "label_id", "due_date",
            "assignee_id", "is_done");

    private final ProjectplaceTransport transport;
    private final ProjectplaceBoards boards;
    private final ProjectplaceCardReader reader;

    ProjectplaceCardFields(ProjectplaceTransport transport, ProjectplaceBoards boards) {
        this.transport = transport;
        this.boards = boards;
        this.reader = new ProjectplaceCardReader(transport);
    }

    /** {@code GET /1/cards/{id}} (third-party only) as it answers; empty when Projectplace does not know the card. */
    public Optional<JsonNode> show(String cardId) {
        return reader.card(cardId);
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
                ProjectplaceTimes.date(due), assignee, shown.path("is_done").asBoolean());
    }

    /**
     * The board's cards ({@code GET /1/boards/{id}/cards}), checked here: Projectplace has no card search. A listed
     * card that may match but lacks a field the details read is read by id (bounded, {@link ProjectplaceCardReader}).
     */
    List<CardDetails> find(BoardRef board, CardQuery query, Function<ProjectplaceCard, Card> card) {
        return reader.cards(board.id(), row -> mayMatch(row, query), DETAIL_FIELDS)
                .map(found -> details(card.apply(ProjectplaceCard.from(found)), found))
                .filter(query::matches)
                .limit(query.limit())
                .toList();
    }

    /** Whether a listed card may match, judged by the fields it carries (column, title, reference). */
    private static boolean mayMatch(JsonNode row, CardQuery query) {
        String title = Json.text(row, "title");
        return (query.column() == null || !carriesOtherThan(row, "column_id", query.column().id()))
                && (query.text() == null || !row.has("title")
                        || title != null && title.toLowerCase(Locale.ROOT).contains(query.text().toLowerCase(Locale.ROOT)))
                && (query.reference() == null || !row.has("description")
                        || query.reference().equals(ReferenceMarker.find(Json.text(row, "description"))));
    }

    /**
     * {@code PUT /1/cards/{id}} (third-party only) with the changed fields only. A card carries at most one label, so the
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
