package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.CardDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code updateCard} did.
 *
 * @param card the card after the change (in a dry run: as it would be)
 * @param changed the fields that changed (would change), in the order {@code title, description, labels, due,
 *     assignee}; empty when the card already was as asked, and then nothing was sent
 */
public record UpdateCardResult(CardDetails card, List<String> changed, boolean dryRun) {

    public UpdateCardResult {
        changed = List.copyOf(changed);
    }

    /** The card as {@link GetCardResult#toMap()} gives it, then {@code changed}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = CardCore.of(card, dryRun);
        map.put("changed", new ArrayList<>(changed));
        return map;
    }
}
