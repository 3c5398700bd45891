package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code createTask} did.
 *
 * @param created {@code true} when a card was (or, in a dry run, would be) created; {@code false} when a card with
 *     the reference already existed and was returned
 * @param card the card; in a dry run that creates, a preview with no id or URL
 */
public record CreateTaskResult(Card card, boolean created, boolean dryRun) {

    /** Plain strings and booleans only, so a sandboxed Pipeline can read every value. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("vendor", card.vendor().displayName());
        map.put("id", card.id());
        map.put("url", card.url());
        map.put("board", card.board().name());
        map.put("column", card.column().name());
        map.put("title", card.title());
        map.put("created", created);
        map.put("dryRun", dryRun);
        return map;
    }
}
