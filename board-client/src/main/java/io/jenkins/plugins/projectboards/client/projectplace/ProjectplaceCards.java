package io.jenkins.plugins.projectboards.client.projectplace;

import static io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceCardReader.carriesOtherThan;
import static io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceTransport.numericId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.CreateRecovery;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Cards: create (never twice), read, find by reference, move to a column. */
public final class ProjectplaceCards {
    private final ProjectplaceTransport transport;
    private final ProjectplaceCardReader reader;
    private final Clock clock;
    private final HttpListener listener;

    ProjectplaceCards(ProjectplaceTransport transport, ClientOptions options) {
        this.transport = transport;
        this.reader = new ProjectplaceCardReader(transport);
        this.clock = options.clock();
        this.listener = options.listener();
    }

    /**
     * Creates a card ({@code POST /1/projects/{workspace}/cards/create-new}). When the answer is lost, the card it
     * may have made is looked for among the board's cards (by reference, else by title in the column since the
     * attempt began) before the create is sent once more. An answer that does not name the card (no {@code id}, not
     * JSON) is looked for the same way, but never sent again: Projectplace accepted it. Fields the answer leaves out
     * are taken from what was sent.
     *
     * @param labelId, assigneeId, due, reference optional ({@code null})
     */
    public ProjectplaceCard create(ProjectplaceBoard board, String columnId, String title, String description,
            String labelId, String assigneeId, LocalDate due, String reference) {
        String operation = "createTask";
        Instant started = clock.instant();
        ObjectNode body = Json.object().put("title", title)
                .put("board_id", numericId(operation, "board", board.id()))
                .put("column_id", numericId(operation, "column", columnId));
        String text = ReferenceMarker.append(description, reference);
        if (text != null && !text.isEmpty()) {
            body.put("description", text);
        }
        if (labelId != null) {
            body.put("label_id", numericId(operation, "labels", labelId));
        }
        if (assigneeId != null) {
            body.put("assignee_id", numericId(operation, "assignee", assigneeId));
        }
        if (due != null) {
            body.put("due_date", due.toString());
        }
        String path = transport.v1("projects/" + board.workspaceId() + "/cards/create-new");
        Function<String, Optional<ProjectplaceCard>> byReference = ref -> byReference(board.id(), ref);
        Function<Instant, Optional<ProjectplaceCard>> byTitle = since -> byTitle(board.id(), columnId, title, since);
        return CreateRecovery.create(listener, started, reference, () -> sendCreate(path, body),
                answer -> named(answer, board.id(), columnId, title, text)
                        .orElseGet(() -> madeButUnnamed(path, title, started, reference, byReference, byTitle)),
                byReference, byTitle);
    }

    /**
     * Projectplace accepted a create but its answer does not name the card: it is looked for as a lost create's is,
     * and reported when it is not found, not sent again.
     */
    private ProjectplaceCard madeButUnnamed(String path, String title, Instant started, String reference,
            Function<String, Optional<ProjectplaceCard>> byReference, Function<Instant, Optional<ProjectplaceCard>> byTitle) {
        String operation = ProjectplaceTransport.operation("POST", path);
        ProjectplaceCard found = CreateRecovery.lookUp(started, reference, byReference, byTitle).orElseThrow(() ->
                new MalformedResponseException(Vendor.PROJECTPLACE, operation, 200, "Projectplace accepted the card but its"
                        + " answer does not name it, and the board has no card " + (reference != null ? "with reference '"
                        + reference + "'" : "titled '" + title + "' made since the create began") + "; it was not sent again"));
        listener.lostCreateRecovered(Vendor.PROJECTPLACE, operation, reference != null);
        return found;
    }

    /** The create's answer; a 2xx answer that is not JSON reads as one that does not name the card. */
    private JsonNode sendCreate(String path, ObjectNode body) {
        try {
            return transport.send("POST", path, body, false);
        } catch (MalformedResponseException e) {
            if (e.httpStatus() < 200 || e.httpStatus() >= 300) {
                throw e;
            }
            return Json.object();
        }
    }

    /** The card a create's answer names by its {@code id}, completed with what was sent; empty when it names none. */
    private static Optional<ProjectplaceCard> named(JsonNode answer, String boardId, String columnId, String title,
            String description) {
        String id = Json.text(answer, "id");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ProjectplaceCard(id,
                Objects.requireNonNullElse(Json.text(answer, "title"), title),
                answer.has("description") ? Json.text(answer, "description") : description,
                Objects.requireNonNullElse(Json.text(answer, "board_id"), boardId),
                Objects.requireNonNullElse(Json.text(answer, "column_id"), columnId),
                Json.text(answer, "planlet_id"),
                Json.text(answer, "direct_url"),
                ProjectplaceTimes.instant(answer.get("created_time"))));
    }

    /** A card by id ({@code GET /1/cards/{id}}, third-party only); empty when Projectplace does not know it. */
    public Optional<ProjectplaceCard> get(String cardId) {
        return reader.card(cardId).map(ProjectplaceCard::from);
    }

    /** The board's card with this reference; a listed card without its description is read by id (bounded). */
    public Optional<ProjectplaceCard> byReference(String boardId, String reference) {
        return reader.cards(boardId,
                        row -> !row.has("description") || reference.equals(ReferenceMarker.find(Json.text(row, "description"))),
                        List.of("description", "column_id"))
                .map(ProjectplaceCard::from)
                .filter(card -> reference.equals(card.reference()))
                .findFirst();
    }

    /** The board's card with this title in this column, created at or after {@code since}. */
    private Optional<ProjectplaceCard> byTitle(String boardId, String columnId, String title, Instant since) {
        return reader.cards(boardId,
                        row -> !carriesOtherThan(row, "title", title) && !carriesOtherThan(row, "column_id", columnId),
                        List.of("title", "column_id", "created_time"))
                .map(ProjectplaceCard::from)
                .filter(card -> title.equals(card.title()) && columnId.equals(card.columnId())
                        && card.createdTime() != null && !card.createdTime().isBefore(since))
                .findFirst();
    }

    /**
     * Moves a card to a column with the move Projectplace's Power Automate connector publishes,
     * {@code POST /1/external_notifications/{board}/move_card {card_id, column_id}}. A server that does not serve it
     * (404, 405) gets the move a Planview engineer's tool makes, {@code POST /1/boards/{board}/move-cards}, which
     * keeps the card's activity (swimlane) and puts it at the top of the column; when neither is served, the error
     * names both. Idempotent.
     */
    public void move(String cardId, String boardId, String columnId) {
        String operation = "moveCard";
        ObjectNode body = Json.object().put("card_id", numericId(operation, "card", cardId))
                .put("column_id", numericId(operation, "column", columnId));
        String published = transport.v1("external_notifications/" + boardId + "/move_card");
        BoardException unpublished;
        try {
            transport.send("POST", published, body, true);
            return;
        } catch (BoardException e) {
            if (!notServed(e)) {
                throw e;
            }
            unpublished = e;
        }
        ProjectplaceCard card = get(cardId).orElseThrow(() -> new NotFoundException(Vendor.PROJECTPLACE, operation, 0,
                "card " + cardId + " no longer exists"));
        try {
            moveCards(card, columnId);
        } catch (BoardException e) {
            if (!notServed(e)) {
                throw e;
            }
            throw new ApiException(Vendor.PROJECTPLACE, operation, e.httpStatus(), "neither " + unpublished.operation()
                    + " (HTTP " + unpublished.httpStatus() + ") nor " + e.operation() + " (HTTP " + e.httpStatus()
                    + ") is served here, so card " + cardId + " was not moved (docs/projectplace.md, 'Moving a card')");
        }
    }

    /** {@code POST /1/boards/{id}/move-cards}, with the card's activity kept and no position. */
    private void moveCards(ProjectplaceCard card, String columnId) {
        String operation = "moveCard";
        ObjectNode swimlane = Json.object().put("type", "planlet_id");
        if (card.planletId() == null) {
            swimlane.putNull("value");
        } else {
            swimlane.put("value", numericId(operation, "planlet_id", card.planletId()));
        }
        ObjectNode body = Json.object();
        body.set("card_ids", Json.MAPPER.createArrayNode().add(numericId(operation, "card", card.id())));
        body.put("column_id", numericId(operation, "column", columnId));
        body.putNull("after_card");
        body.set("swimlane", swimlane);
        transport.send("POST", transport.v1("boards/" + card.boardId() + "/move-cards"), body, true);
    }

    /** A 404 or 405: the server may not serve this request at all (nothing published says it does). */
    private static boolean notServed(BoardException e) {
        return e.httpStatus() == 404 || e.httpStatus() == 405;
    }
}
