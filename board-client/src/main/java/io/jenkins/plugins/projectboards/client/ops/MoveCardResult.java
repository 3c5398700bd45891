package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import java.util.Map;

/**
 * What {@code moveCard} did.
 *
 * @param card the card in the column it was moved to (in a dry run, would be moved to)
 * @param moved {@code false} when the card already was in the column; in a dry run, whether it would move
 */
public record MoveCardResult(Card card, String previousColumn, boolean moved, boolean dryRun) {

    /** The card's {@link CardCore core} ({@code column} is the target), then {@code previousColumn, moved}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = CardCore.of(card, dryRun);
        map.put("previousColumn", previousColumn);
        map.put("moved", moved);
        return map;
    }
}
