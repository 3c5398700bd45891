package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code moveCard} did.
 *
 * @param moved {@code false} when the card already was in the column; in a dry run, whether it would move
 */
public record MoveCardResult(Card card, String previousColumn, boolean moved, boolean dryRun) {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", card.id());
        map.put("url", card.url());
        map.put("column", card.column().name());
        map.put("previousColumn", previousColumn);
        map.put("moved", moved);
        map.put("dryRun", dryRun);
        return map;
    }
}
