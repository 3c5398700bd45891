package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Card;
import java.util.Map;

/**
 * What {@code commentOnTask} did.
 *
 * @param card the card commented on
 * @param commentId the new comment's id; {@code null} in a dry run
 */
public record CommentResult(Card card, String commentId, boolean dryRun) {

    /**
     * The card's {@link CardCore core}, then {@code card} (the card's id again, under the name {@code moveCard} takes
     * it by) and {@code commentId}: no key of this map is the comment's but {@code commentId}, so {@code id} means the
     * card in every card step's result.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = CardCore.of(card, dryRun);
        map.put("card", card.id());
        map.put("commentId", commentId);
        return map;
    }
}
