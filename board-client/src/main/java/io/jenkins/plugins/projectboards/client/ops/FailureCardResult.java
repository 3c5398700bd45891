package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.failure.FailureCards;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the failure card of a job did for one build.
 *
 * @param reference the break's card reference, or {@code null} when the build needed no card
 * @param card the card after the change (in a dry run that opens one, a preview with no id or URL); {@code null}
 *     when there is none
 * @param moved whether the card was (in a dry run: would be) moved to the success column
 */
public record FailureCardResult(FailureCards.Action action, String reference, Card card, boolean moved, boolean dryRun) {

    /** {@code action, reference, moved, dryRun}, then {@code card}: the card's {@link CardCore core}, or {@code null}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", action.name());
        map.put("reference", reference);
        map.put("moved", moved);
        map.put("dryRun", dryRun);
        map.put("card", card == null ? null : CardCore.of(card, dryRun));
        return map;
    }
}
