package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys every step that returns a card returns, in this order: {@code vendor, id, url, board, column, title,
 * dryRun}; each result adds its own after them. Written once so that a script can read any card step's result the
 * same way ({@code r.id}, {@code r.url}, …).
 */
final class CardCore {
    private CardCore() {}

    /**
     * Plain strings and a boolean only, so a sandboxed Pipeline can read every value.
     *
     * @return a new, modifiable map for the caller to add its own keys to
     */
    static Map<String, Object> of(Card card, boolean dryRun) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("vendor", card.vendor().displayName());
        map.put("id", card.id());
        map.put("url", card.url());
        map.put("board", card.board().name());
        map.put("column", card.column().name());
        map.put("title", card.title());
        map.put("dryRun", dryRun);
        return map;
    }

    /**
     * The core, then {@code description, labels, due (YYYY-MM-DD), assignee (user name), reference, closed}: what
     * {@code getCard}, {@code findCards} and {@code updateCard} return for a card. Absent values are {@code null}; the
     * labels are a plain {@code ArrayList}, which a Pipeline keeps across a restart like the map itself.
     */
    static Map<String, Object> of(CardDetails details, boolean dryRun) {
        Map<String, Object> map = of(details.card(), dryRun);
        map.put("description", details.description());
        map.put("labels", new ArrayList<>(details.labels()));
        map.put("due", details.due() == null ? null : details.due().toString());
        map.put("assignee", details.assignee() == null ? null : details.assignee().name());
        map.put("reference", details.card().reference());
        map.put("closed", details.closed());
        return map;
    }
}
