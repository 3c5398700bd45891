package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.gate.GateDecision;
import java.util.Map;

/**
 * How {@code waitForCard} ended (in a dry run: where the card stands now).
 *
 * @param card the card as found when the gate started
 */
public record WaitForCardResult(Card card, GateDecision decision, boolean dryRun) {

    /**
     * The card's {@link CardCore core} ({@code column} is where the card was when the gate ended), then
     * {@code previousColumn, by, at} (ISO-8601 or {@code null}) and {@code approved}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = CardCore.of(card, dryRun);
        map.put("column", decision.column());
        map.put("previousColumn", decision.previousColumn());
        map.put("by", decision.by());
        map.put("at", decision.at() == null ? null : decision.at().toString());
        map.put("approved", decision.approved());
        return map;
    }
}
