package io.jenkins.plugins.projectboards.client;

/**
 * What became of one {@link CardUpdate}.
 *
 * @param card the card as found (after the move); {@code null} when it was not found
 * @param commented whether the comment was written
 * @param moved whether the card changed column ({@code false} also when it was already there)
 * @param previousColumn the column it was in; {@code null} when it was not found
 * @param error why the update failed, or {@code null}; a failed update may still have commented
 */
public record CardUpdateOutcome(CardUpdate update, Card card, boolean commented, boolean moved, String previousColumn, String error) {

    public boolean succeeded() {
        return error == null;
    }

    /** The card's id when it was found, else the text it was named by: what identifies it across builds. */
    public String key() {
        return card != null ? card.id() : update.card().text();
    }

    public static CardUpdateOutcome failed(CardUpdate update, Card card, boolean commented, String error) {
        return new CardUpdateOutcome(update, card, commented, false, card == null ? null : card.column().name(), error);
    }
}
