package io.jenkins.plugins.projectboards.client.planka;

import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.CardUpdates;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Many card updates over Planka's REST API at two requests per card: its comment and its move. Each board is read
 * once per batch ({@code GET /api/boards/{id}}, which lists every card with its list and position), and that one read
 * serves three purposes: it finds the cards (by id or by reference) without a request each, it names the target
 * list, and it gives the bottom positions, which are then handed out locally, one after the other, so that cards moved
 * in parallel to one list keep distinct positions in the order they were moved. A card named by id that is on no
 * board read so far is read on its own ({@code GET /api/cards/{id}}), and its board once.
 *
 * <p>The cards are updated {@code parallelism} at a time ({@link CardUpdates#inParallel}), each failing alone.
 */
final class PlankaCardUpdates {
    private final PlankaClient client;
    /** The boards read in this batch; parallel cards of one board wait for the one read. */
    private final TtlCache<String, BoardState> boards;
    /** Card id → its board, for every board read in this batch: a card named by id is found there without a request. */
    private final Map<String, String> boardOfCard = new ConcurrentHashMap<>();
    /** Card id → the card as read on its own (empty: Planka does not know it), so that no card is read twice. */
    private final Map<String, Optional<PlankaCard>> readAlone = new ConcurrentHashMap<>();

    PlankaCardUpdates(PlankaClient client, ClientOptions options) {
        this.client = client;
        this.boards = new TtlCache<>(Vendor.PLANKA, options);
    }

    /**
     * One board as read for this batch. Positions handed out here are above every card the board had and every
     * position handed out before, so the cards land at the bottom of their list in the order they were moved.
     */
    private static final class BoardState {
        final BoardRef ref;
        final PlankaBoardSnapshot snapshot;
        private final Map<String, Double> lastBottom = new HashMap<>();

        BoardState(BoardRef ref, PlankaBoardSnapshot snapshot) {
            this.ref = ref;
            this.snapshot = snapshot;
        }

        Optional<PlankaCard> card(CardRef wanted) {
            return snapshot.cards().stream().filter(card -> wanted.kind() == CardRef.Kind.ID
                    ? card.id().equals(wanted.value()) : wanted.value().equals(card.reference())).findFirst();
        }

        ColumnRef column(String listId) {
            return snapshot.lists().stream().filter(list -> list.id().equals(listId)).findFirst()
                    .map(list -> new ColumnRef(list.id(), list.name())).orElse(new ColumnRef(listId, listId));
        }

        /** As {@link PlankaBoards#list}: the board was read for this batch, so a name not among its lists is unknown now. */
        ColumnRef target(String nameOrId) {
            PlankaList list = Names.pick(Vendor.PLANKA, "resolve column", "column", nameOrId, snapshot.lists(), PlankaList::id, PlankaList::name);
            return new ColumnRef(list.id(), list.name());
        }

        /** The next bottom position of a list; no I/O, so holding the monitor costs nothing. */
        synchronized double nextBottom(String listId) {
            double next = lastBottom.containsKey(listId) ? lastBottom.get(listId) + PlankaCards.POSITION_GAP
                    : PlankaCards.position(snapshot.cardsIn(listId), Position.BOTTOM);
            lastBottom.put(listId, next);
            return next;
        }
    }

    /** A card as found for its update, with the board it is on. */
    private record Located(PlankaCard card, BoardState board) {}

    List<CardUpdateOutcome> apply(List<CardUpdate> updates, int parallelism, Consumer<CardUpdateOutcome> progress) {
        readFirstBoards(updates);
        return CardUpdates.inParallel(updates, parallelism, progress, this::update);
    }

    /**
     * Before the cards go out in parallel: the boards the updates name, and the board of the first card named by id
     * alone that Planka knows, read here one after the other, so that the parallel cards find them read instead of each
     * reading its own card first. A failure here is left for the cards to meet (and report) one by one.
     */
    private void readFirstBoards(List<CardUpdate> updates) {
        updates.stream().map(CardUpdate::board).filter(Objects::nonNull).distinct().forEach(board -> {
            try {
                board(board.id(), board);
            } catch (BoardException reportedPerCard) {
                // Each of its cards asks again and fails with this error as its own.
            }
        });
        for (CardUpdate update : updates) {
            if (update.board() != null || update.card().kind() != CardRef.Kind.ID) {
                continue;
            }
            try {
                if (locate(update).isPresent()) {
                    return;
                }
            } catch (BoardException reportedPerCard) {
                // As above: the card fails with it in its turn, and the others are not held up by an outage here.
                return;
            }
        }
    }

    private CardUpdateOutcome update(CardUpdate update) {
        if (update.card().kind() == CardRef.Kind.REFERENCE && update.board() == null) {
            // The neutral path refuses it with the client's own message.
            return CardUpdates.apply(client, update);
        }
        Located located;
        try {
            located = locate(update).orElse(null);
        } catch (BoardException e) {
            return CardUpdateOutcome.failed(update, null, false, e);
        }
        if (located == null) {
            return CardUpdateOutcome.failed(update, null, false, "no card '" + update.card().text() + "'");
        }
        BoardState board = located.board();
        Card card = client.card(located.card(), board.ref, board.column(located.card().listId()));
        boolean commented = false;
        try {
            if (update.comment() != null) {
                client.comments().create(card.id(), update.comment());
                commented = true;
            }
            if (update.moveTo() == null) {
                return CardUpdateOutcome.done(update, card, commented, false, card.column().name());
            }
            ColumnRef target = board.target(update.moveTo());
            if (target.id().equals(card.column().id())) {
                return CardUpdateOutcome.done(update, card, commented, false, card.column().name());
            }
            PlankaCard moved = client.cards().moveTo(card.id(), target.id(), board.nextBottom(target.id()));
            return CardUpdateOutcome.done(update, client.card(moved, board.ref, target), commented, true, card.column().name());
        } catch (BoardException e) {
            return CardUpdateOutcome.failed(update, card, commented, e);
        }
    }

    /** The card from a board read in this batch; a card by id on none of them is read, then its board. */
    private Optional<Located> locate(CardUpdate update) {
        CardRef ref = update.card();
        if (ref.kind() == CardRef.Kind.REFERENCE) {
            BoardState board = board(update.board().id(), update.board());
            return board.card(ref).map(card -> new Located(card, board));
        }
        String knownBoard = boardOfCard.get(ref.value());
        if (knownBoard != null) {
            BoardState board = board(knownBoard, null);
            return board.card(ref).map(card -> new Located(card, board));
        }
        Optional<PlankaCard> alone = readAlone.get(ref.value());
        if (alone == null) {
            alone = client.cards().get(ref.value());
            readAlone.put(ref.value(), alone);
        }
        return alone.map(card -> new Located(card, board(card.boardId(), null)));
    }

    /** The board as read once in this batch; {@code known} names it when the update did (else its name is looked up, cached). */
    private BoardState board(String boardId, BoardRef known) {
        return boards.get(boardId, () -> {
            PlankaBoardSnapshot snapshot = client.boards().snapshot(boardId);
            BoardRef ref = known != null ? known : client.boardRef(boardId);
            snapshot.cards().forEach(card -> boardOfCard.put(card.id(), boardId));
            return new BoardState(ref, snapshot);
        });
    }
}
