package io.jenkins.plugins.projectboards.client.gate;

import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import java.time.Instant;
import java.util.List;

/**
 * One read of the card a gate waits on.
 *
 * @param column where the card is; {@code null} when it is gone
 * @param labels its labels; {@code null} when the read does not give them
 * @param closed whether the vendor marks it closed ({@link CardDetails#closed()})
 * @param gone whether the card no longer exists (deleted)
 * @param at when the read began: deliveries heard before it are reflected in it
 */
public record CardObservation(ColumnRef column, List<String> labels, boolean closed, boolean gone, Instant at) {

    public CardObservation {
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** The card as {@code cardDetails} reads it: its column, labels and whether it is closed. */
    public static CardObservation of(CardDetails details, Instant at) {
        return new CardObservation(details.card().column(), details.labels(), details.closed(), false, at);
    }

    public static CardObservation deleted(Instant at) {
        return new CardObservation(null, null, false, true, at);
    }
}
