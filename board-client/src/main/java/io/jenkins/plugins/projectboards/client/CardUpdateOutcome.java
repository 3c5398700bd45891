package io.jenkins.plugins.projectboards.client;

/**
 * What became of one {@link CardUpdate}.
 *
 * @param card the card as found (after the move); {@code null} when it was not found
 * @param commented whether the comment was written
 * @param moved whether the card changed column ({@code false} also when it was already there)
 * @param previousColumn the column it was in; {@code null} when it was not found
 * @param error why the update failed, or {@code null}; a failed update may still have commented
 * @param unreachable the update failed because no answer came from the server (a {@link ConnectionException}): an
 *     outage, which says nothing about the card
 */
public record CardUpdateOutcome(CardUpdate update, Card card, boolean commented, boolean moved, String previousColumn,
        String error, boolean unreachable) {

    /** A card updated (or left where it was): no error. */
    public static CardUpdateOutcome done(CardUpdate update, Card card, boolean commented, boolean moved, String previousColumn) {
        return new CardUpdateOutcome(update, card, commented, moved, previousColumn, null, false);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** The card's id when it was found, else the text it was named by: what identifies it across builds. */
    public String key() {
        return card != null ? card.id() : update.card().text();
    }

    /** A card the server answered about, with {@code error} (no such card, a refused call). */
    public static CardUpdateOutcome failed(CardUpdate update, Card card, boolean commented, String error) {
        return new CardUpdateOutcome(update, card, commented, false, card == null ? null : card.column().name(), error, false);
    }

    /** A card whose update ended with {@code failure}. */
    public static CardUpdateOutcome failed(CardUpdate update, Card card, boolean commented, BoardException failure) {
        return new CardUpdateOutcome(update, card, commented, false, card == null ? null : card.column().name(),
                failure.getMessage(), failure instanceof ConnectionException);
    }
}
