package io.jenkins.plugins.projectboards.client.release;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code notifyBoard} does with a finished build's cards: a comment (result, duration, link, changes) and a
 * move to the column configured for the build's result.
 *
 * @param moveOnSuccess column for {@code SUCCESS}; {@code null} leaves the card where it is (likewise the others)
 * @param comment whether to comment
 */
public record BuildNotification(String moveOnSuccess, String moveOnUnstable, String moveOnFailure, String moveOnAborted, boolean comment) {

    /** The column for a result, or {@code null}. */
    public String moveFor(String result) {
        return switch (result == null ? "" : result) {
            case "SUCCESS" -> moveOnSuccess;
            case "UNSTABLE" -> moveOnUnstable;
            case "FAILURE" -> moveOnFailure;
            case "ABORTED" -> moveOnAborted;
            default -> null;
        };
    }

    /** One update per card (each once), or none when there is nothing to comment and nowhere to move. */
    public List<CardUpdate> updates(List<CardRef> cards, BoardRef board, BuildSummary build) {
        String text = comment ? NotificationText.buildComment(build) : null;
        String column = blankToNull(moveFor(build.result()));
        if (text == null && column == null) {
            return List.of();
        }
        Map<String, CardRef> unique = new LinkedHashMap<>();
        cards.forEach(ref -> unique.putIfAbsent(ReleaseLedger.key(ref), ref));
        return unique.values().stream()
                .map(ref -> new CardUpdate(ref, ref.kind() == CardRef.Kind.ID ? null : board, text, column))
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
