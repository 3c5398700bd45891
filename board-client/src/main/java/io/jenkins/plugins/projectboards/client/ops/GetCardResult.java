package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.CardDetails;
import java.util.Map;

/** What {@code getCard} read. */
public record GetCardResult(CardDetails card, boolean dryRun) {

    /** The card's {@link CardCore core} and details: {@code description, labels, due, assignee, reference, closed}. */
    public Map<String, Object> toMap() {
        return CardCore.of(card, dryRun);
    }
}
