package io.jenkins.plugins.projectboards.client.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code commentOnTask} did.
 *
 * @param id the new comment's id; {@code null} in a dry run
 * @param task the card's id
 * @param url a link to the card
 */
public record CommentResult(String id, String task, String url, boolean dryRun) {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("task", task);
        map.put("url", url);
        map.put("dryRun", dryRun);
        return map;
    }
}
