package io.jenkins.plugins.projectboards.client.gate;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.gate.GateDecision.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * The decisions of {@code waitForCard}: a card, what approves or rejects it ({@link GateSpec}) and a deadline; fed
 * reads of the card ({@link #observe}) and the board's deliveries about it ({@link #heard}), it says whether to wait
 * on, or how the gate ended. It holds no thread and makes no call on its own: the caller reads the card when it
 * likes (on a delivery, on its slow poll) and asks.
 *
 * <p>Only a read of the card decides. A delivery is a hint that the card changed and a reason to read it now; it also
 * says who moved the card, which a read cannot. So a delivery that arrives late (the card has moved on since), twice,
 * or before the gate's first read never decides on its own: the read after it does, and takes the delivery's actor
 * only when the delivery's column is the one the read found. Once decided, the decision never changes. Thread-safe:
 * deliveries, polls and the deadline may race.
 */
public final class ApprovalGate {
    /** Deliveries kept between two reads; a burst of them for one card needs no more than its latest few. */
    static final int MAX_HINTS = 16;

    private final Card card;
    private final GateSpec spec;
    private final Instant deadline;
    private final Deque<Hint> hints = new ArrayDeque<>();
    private String lastColumn;
    private GateDecision decision;

    /** A delivery that said the card went to {@code toColumn}. */
    private record Hint(String toColumn, String fromColumn, String actor, Instant at) {}

    /**
     * @param card the card as found at the start (its column is where the gate starts)
     * @param lastColumn the column the card was last seen in while waiting, kept across a restart; {@code null} for
     *     the card's
     */
    public ApprovalGate(Card card, GateSpec spec, Instant deadline, String lastColumn) {
        this.card = card;
        this.spec = spec;
        this.deadline = deadline;
        this.lastColumn = lastColumn != null ? lastColumn : card.column() == null ? null : card.column().name();
        this.decision = GateDecision.waiting(this.lastColumn);
    }

    public Card card() {
        return card;
    }

    public Instant deadline() {
        return deadline;
    }

    public synchronized GateDecision decision() {
        return decision;
    }

    /** The column the card was last seen in while waiting: what a restarted gate starts from. */
    public synchronized String lastColumn() {
        return lastColumn;
    }

    /**
     * A delivery from the board.
     *
     * @return whether it is about this card and the gate still waits, so the card should be read now
     */
    public synchronized boolean heard(BoardEvent event, Instant at) {
        if (decision.outcome().over() || event == null || card.id() == null || !card.id().equals(event.cardId())) {
            return false;
        }
        if (event.toColumn() != null) {
            if (hints.size() == MAX_HINTS) {
                hints.removeFirst();
            }
            hints.addLast(new Hint(event.toColumn(), event.fromColumn(), event.actor(), at));
        }
        return true;
    }

    /** Reads the card by id (its column, labels, closed) and decides on what it finds. */
    public GateDecision check(BoardClient client, Instant now) {
        Optional<CardDetails> found = client.cardDetails(CardRef.id(card.id()), card.board());
        return observe(found.map(current -> CardObservation.of(current, now)).orElseGet(() -> CardObservation.deleted(now)));
    }

    /** Decides on a read of the card; a gate that has decided keeps its decision. */
    public synchronized GateDecision observe(CardObservation seen) {
        if (decision.outcome().over()) {
            return decision;
        }
        if (seen.gone()) {
            return decide(Outcome.GONE, lastColumn, null, seen.at(), "card " + card.id() + " was deleted");
        }
        ColumnRef column = seen.column();
        if (spec.approves(column) || spec.approvesLabels(seen.labels())) {
            return decideFromColumn(Outcome.APPROVED, column, seen.at(), null);
        }
        if (spec.rejects(column)) {
            return decideFromColumn(Outcome.REJECTED, column, seen.at(),
                    "card " + card.id() + " was moved to '" + column.name() + "'");
        }
        if (seen.closed()) {
            return decide(Outcome.GONE, column.name(), null, seen.at(), "card " + card.id() + " was closed");
        }
        lastColumn = column.name();
        // Deliveries heard before this read began are in it; any that named another column were stale.
        hints.removeIf(hint -> hint.at().isBefore(seen.at()));
        decision = GateDecision.waiting(lastColumn);
        return seen.at().isBefore(deadline) ? decision : expire(seen.at());
    }

    /** Ends a gate still waiting at or after its deadline. */
    public synchronized GateDecision expire(Instant now) {
        if (decision.outcome().over() || now.isBefore(deadline)) {
            return decision;
        }
        return decide(Outcome.TIMED_OUT, lastColumn, null, now, "card " + card.id() + " is still in '" + lastColumn + "'");
    }

    /**
     * The pause before the next poll: {@code interval} scaled by {@code jitter} (e.g. 0.9 to 1.1, so that many gates
     * do not poll in step), never past the deadline and never less than {@code minimum}.
     */
    public Duration untilNextPoll(Instant now, Duration interval, double jitter, Duration minimum) {
        Duration jittered = Duration.ofMillis(Math.round(interval.toMillis() * jitter));
        Duration left = Duration.between(now, deadline);
        Duration pause = jittered.compareTo(left) < 0 ? jittered : left;
        return pause.compareTo(minimum) < 0 ? minimum : pause;
    }

    /** The latest delivery that named {@code column} tells who moved the card there, when and from where. */
    private GateDecision decideFromColumn(Outcome outcome, ColumnRef column, Instant seenAt, String reason) {
        Hint hint = latestHintFor(column);
        String previous = hint != null && hint.fromColumn() != null ? hint.fromColumn() : previousOf(column);
        return decide(outcome, column == null ? lastColumn : column.name(), previous,
                hint == null ? seenAt : hint.at(), reason, hint == null ? null : hint.actor());
    }

    private String previousOf(ColumnRef column) {
        return column != null && GateSpec.sameColumn(column, lastColumn) ? null : lastColumn;
    }

    private Hint latestHintFor(ColumnRef column) {
        for (Iterator<Hint> newestFirst = hints.descendingIterator(); newestFirst.hasNext(); ) {
            Hint hint = newestFirst.next();
            if (GateSpec.sameColumn(column, hint.toColumn())) {
                return hint;
            }
        }
        return null;
    }

    private GateDecision decide(Outcome outcome, String column, String previous, Instant at, String reason) {
        return decide(outcome, column, previous, at, reason, null);
    }

    private GateDecision decide(Outcome outcome, String column, String previous, Instant at, String reason, String by) {
        decision = new GateDecision(outcome, column, previous, by, at, reason);
        hints.clear();
        return decision;
    }
}
