package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** A card's fields beyond the card: description, labels, due date, members, closed; read, searched, updated. */
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
        JsonNode included = shown.path("included");
        List<String> labels = new ArrayList<>();
        included.path("cardLabels").forEach(cardLabel ->
                labels.add(boards.label(card.board().id(), cardLabel.path("labelId").asText()).name()));
        boolean closedList = boards.lists(card.board().id()).stream()
                .anyMatch(list -> list.id().equals(card.column().id()) && "closed".equals(list.type()));
        JsonNode membership = included.path("cardMemberships").path(0);
        UserRef assignee = membership.isMissingNode() ? null : user(membership.path("userId").asText(), usernames(included));
        return details(card, shown.path("item"), labels, assignee, closedList);
    }

    private static CardDetails details(Card card, JsonNode item, List<String> labels, UserRef assignee, boolean closedList) {
        String dueDate = Json.text(item, "dueDate");
        LocalDate due = dueDate == null ? null : LocalDate.ofInstant(Instant.parse(dueDate), ZoneOffset.UTC);
        return new CardDetails(card, ReferenceMarker.strip(Json.text(item, "description")), labels, due, assignee,
                closedList || item.path("isClosed").asBoolean());
    }

    /**
     * One {@code GET /api/boards/{id}}: its cards with their labels and members, checked against {@code query} here
     * (Planka has no search API), in the board's order: list by list, top to bottom.
     *
     * @param card makes the neutral card of a Planka card in a column
     */
    List<CardDetails> find(BoardRef board, CardQuery query, BiFunction<PlankaCard, ColumnRef, Card> card) {
        JsonNode answer = transport.get("boards/" + board.id());
        JsonNode included = answer.path("included");
        PlankaBoardSnapshot snapshot = PlankaBoardSnapshot.from(answer);
        Map<String, String> labelNames = new HashMap<>();
        snapshot.labels().forEach(label -> labelNames.put(label.id(), label.name()));
        Map<String, List<String>> labelsByCard = new HashMap<>();
        included.path("cardLabels").forEach(cardLabel -> labelsByCard.computeIfAbsent(cardLabel.path("cardId").asText(),
                id -> new ArrayList<>()).add(labelNames.getOrDefault(cardLabel.path("labelId").asText(), cardLabel.path("labelId").asText())));
        Map<String, String> memberByCard = new HashMap<>();
        included.path("cardMemberships").forEach(membership ->
                memberByCard.putIfAbsent(membership.path("cardId").asText(), membership.path("userId").asText()));
        Map<String, JsonNode> itemById = new HashMap<>();
        included.path("cards").forEach(item -> itemById.put(item.path("id").asText(), item));
        Map<String, String> usernames = usernames(included);
        List<CardDetails> matching = new ArrayList<>();
        for (PlankaList list : snapshot.lists()) {
            ColumnRef column = new ColumnRef(list.id(), list.name());
            List<PlankaCard> inList = new ArrayList<>(snapshot.cardsIn(list.id()));
            inList.sort(Comparator.comparingDouble(PlankaCard::position));
            for (PlankaCard found : inList) {
                String memberId = memberByCard.get(found.id());
                CardDetails details = details(card.apply(found, column), itemById.get(found.id()),
                        labelsByCard.getOrDefault(found.id(), List.of()), memberId == null ? null : user(memberId, usernames),
                        "closed".equals(list.type()));
                if (query.matches(details)) {
                    matching.add(details);
                    if (matching.size() == query.limit()) {
                        return matching;
                    }
                }
            }
        }
        return matching;
    }

    /**
     * Name, description (its reference marker kept) and due date in one {@code PATCH}; each label and the member
     * by its own request. Every label is resolved before anything is written, so an unknown one changes nothing.
     */
    CardDetails update(CardDetails card, CardChanges changes) {
        String cardId = card.card().id();
        String boardId = card.card().board().id();
        List<String> add = changes.addLabels().stream().map(name -> boards.label(boardId, name).id()).toList();
        List<String> remove = changes.removeLabels().stream().map(name -> boards.label(boardId, name).id()).toList();
        ObjectNode patch = Json.object();
        if (changes.title() != null) {
            patch.put("name", changes.title());
        }
        if (changes.description() != null) {
            patch.put("description", ReferenceMarker.append(changes.description(), card.card().reference()));
        }
        if (changes.due() != null) {
            patch.put("dueDate", changes.due().atStartOfDay(ZoneOffset.UTC).format(PlankaCards.DUE));
        }
        if (!patch.isEmpty()) {
            transport.send("PATCH", "cards/" + cardId, patch, true);
        }
        add.forEach(labelId -> transport.send("POST", "cards/" + cardId + "/card-labels", Json.object().put("labelId", labelId), false));
        remove.forEach(labelId -> transport.send("DELETE", "cards/" + cardId + "/card-labels/labelId:" + labelId, null, true));
        if (changes.assignee() != null) {
            transport.send("POST", "cards/" + cardId + "/card-memberships", Json.object().put("userId", changes.assignee().id()), false);
            if (card.assignee() != null) {
                transport.send("DELETE", "cards/" + cardId + "/card-memberships/userId:" + card.assignee().id(), null, true);
            }
        }
        return changes.applyTo(card);
    }

    private static Map<String, String> usernames(JsonNode included) {
        Map<String, String> names = new HashMap<>();
        included.path("users").forEach(user -> names.put(user.path("id").asText(), Json.text(user, "username")));
        return names;
    }

    private static UserRef user(String userId, Map<String, String> usernames) {
        return new UserRef(userId, usernames.getOrDefault(userId, userId));
    }
}
