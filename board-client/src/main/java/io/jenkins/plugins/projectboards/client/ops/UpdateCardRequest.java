package io.jenkins.plugins.projectboards.client.ops;

import java.util.List;

/**
 * The arguments of the {@code updateCard} step; a blank field (or an empty list) is left as it is.
 *
 * @param card id, {@code #id}, reference or card URL
 * @param board board name or id; needed only to find a card by reference
 * @param due YYYY-MM-DD
 * @param assignee user name (Projectplace: e-mail) or id
 */
public record UpdateCardRequest(String card, String board, String title, String description, List<String> addLabels,
        List<String> removeLabels, String due, String assignee, boolean dryRun) {

    public UpdateCardRequest {
        addLabels = addLabels == null ? List.of() : List.copyOf(addLabels);
        removeLabels = removeLabels == null ? List.of() : List.copyOf(removeLabels);
    }
}
