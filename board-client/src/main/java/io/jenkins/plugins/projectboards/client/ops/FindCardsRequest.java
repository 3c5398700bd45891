package io.jenkins.plugins.projectboards.client.ops;

import java.util.List;

/**
 * The arguments of the {@code findCards} step; every given criterion must hold.
 *
 * @param board board name or id; blank for the connection's default board
 * @param column column name or id, or blank for any
 * @param labels labels the card carries, all of them
 * @param text a part of the title (ignoring case)
 * @param reference the card's external reference
 * @param limit at most this many cards; {@code null} for {@link io.jenkins.plugins.projectboards.client.CardQuery#DEFAULT_LIMIT}
 */
public record FindCardsRequest(
        String board, String column, List<String> labels, String text, String reference, Integer limit, boolean dryRun) {

    public FindCardsRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
