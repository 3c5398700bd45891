package io.jenkins.plugins.projectboards.client.gate;

import java.time.Instant;

/**
 * Where a gate stands.
 *
 * @param column the card's column when the gate decided (while waiting: the one it was last seen in)
 * @param previousColumn the column the card came from when it reached {@code column}; {@code null} when it was there
 *     from the start or that is not known
 * @param by who moved it, when a delivery from the board said so; else {@code null}
 * @param at when the gate learned of the decision (the delivery's arrival, else the read that saw it)
 * @param reason why a gate that did not approve ended, for the build's log; {@code null} otherwise
 */
public record GateDecision(Outcome outcome, String column, String previousColumn, String by, Instant at, String reason) {

    public enum Outcome {
        WAITING,
        APPROVED,
        REJECTED,
        TIMED_OUT,
        /** The card was deleted or closed without being approved. */
        GONE;

        public boolean over() {
            return this != WAITING;
        }
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }

    static GateDecision waiting(String column) {
        return new GateDecision(Outcome.WAITING, column, null, null, null, null);
    }
}
