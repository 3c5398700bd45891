package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.CreateRecovery;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Cards: create (never twice), read, find by reference, move, label and assign. */
public final class PlankaCards {
    /** Planka's own spacing of positions. */
    static final double POSITION_GAP = 65536;
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final PlankaTransport transport;
    private final PlankaBoards boards;
    private final Clock clock;
    private final HttpListener listener;

    PlankaCards(PlankaTransport transport, PlankaBoards boards, ClientOptions options) {
        this.transport = transport;
        this.boards = boards;
        this.clock = options.clock();
        this.listener = options.listener();
    }

    /**
     * Creates a card of type {@code project} at the top or bottom of a list. A due date is sent as midnight UTC of
     * that day; a reference is stored as the description's marker line ({@link ReferenceMarker}). When the create's
     * answer is lost, the card it may have made is looked for (by reference, else by name in the list among cards
     * created since the attempt began) before the create is sent once more.
     */
    public PlankaCard create(String boardId, String listId, String name, String description, LocalDate due,
            String reference, Position position) {
        Instant started = clock.instant();
        ObjectNode body = Json.object().put("type", "project").put("name", name)
                .set("position", number(position(boards.snapshot(boardId).cardsIn(listId), position)));
        String text = ReferenceMarker.append(description, reference);
        if (text != null && !text.isEmpty()) {
            body.put("description", text);
        }
        if (due != null) {
            body.put("dueDate", due.atStartOfDay(ZoneOffset.UTC).format(DUE));
        }
        String path = "lists/" + listId + "/cards";
        return CreateRecovery.create(listener, started, reference,
                () -> PlankaCard.from(transport.send("POST", path, body, false).path("item")),
                ref -> byReference(boardId, ref),
                since -> boards.snapshot(boardId).cardsIn(listId).stream()
                        .filter(card -> name.equals(card.name()) && card.createdAt() != null
                                && !card.createdAt().isBefore(since))
                        .findFirst());
    }

    /** A card by id; empty when Planka does not know it (or this account may not see it). */
    public Optional<PlankaCard> get(String cardId) {
        try {
            return Optional.of(PlankaCard.from(transport.get("cards/" + cardId).path("item")));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public Optional<PlankaCard> byReference(String boardId, String reference) {
        return boards.snapshot(boardId).cards().stream().filter(card -> reference.equals(card.reference())).findFirst();
    }

    /** Moves a card to a list, at its top or bottom; idempotent. */
    public PlankaCard move(String cardId, String boardId, String listId, Position position) {
        List<PlankaCard> others = boards.snapshot(boardId).cardsIn(listId).stream()
                .filter(card -> !card.id().equals(cardId)).toList();
        return moveTo(cardId, listId, position(others, position));
    }

    /** Moves a card to a list at a position the caller worked out (from a board it has read); idempotent. */
    PlankaCard moveTo(String cardId, String listId, double position) {
        ObjectNode body = Json.object().put("listId", listId);
        body.set("position", number(position));
        return PlankaCard.from(transport.send("PATCH", "cards/" + cardId, body, true).path("item"));
    }

    public void addLabel(String cardId, String labelId) {
        transport.send("POST", "cards/" + cardId + "/card-labels", Json.object().put("labelId", labelId), false);
    }

    public void addMember(String cardId, String userId) {
        transport.send("POST", "cards/" + cardId + "/card-memberships", Json.object().put("userId", userId), false);
    }

    /** Whole positions go out as integers, as Planka itself writes them. */
    private static com.fasterxml.jackson.databind.JsonNode number(double position) {
        return position == Math.rint(position)
                ? Json.MAPPER.getNodeFactory().numberNode((long) position)
                : Json.MAPPER.getNodeFactory().numberNode(position);
    }

    static double position(List<PlankaCard> cardsInList, Position position) {
        if (cardsInList.isEmpty()) {
            return POSITION_GAP;
        }
        return position == Position.TOP
                ? cardsInList.stream().mapToDouble(PlankaCard::position).min().orElse(POSITION_GAP) / 2
                : cardsInList.stream().mapToDouble(PlankaCard::position).max().orElse(0) + POSITION_GAP;
    }
}
