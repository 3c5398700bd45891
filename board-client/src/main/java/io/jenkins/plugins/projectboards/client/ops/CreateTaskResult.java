package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import java.util.Map;

/**
 * What {@code createTask} did.
 *
 * @param created {@code true} when a card was (or, in a dry run, would be) created; {@code false} when a card with
 *     the reference already existed and was returned
 * @param card the card; in a dry run that creates, a preview with no id or URL
 */
public record CreateTaskResult(Card card, boolean created, boolean dryRun) {

    /** The card's {@link CardCore core}, then {@code created}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = CardCore.of(card, dryRun);
        map.put("created", created);
        return map;
    }
}
