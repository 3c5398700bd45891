package io.jenkins.plugins.projectboards.client;

import java.util.List;
import java.util.Locale;

/**
 * What {@link BoardClient#findCards} looks for on one board; every given criterion must hold. Vendors filter on the
 * server where they can and check each card with {@link #matches} as well, so all of them answer alike.
 *
 * @param column the column the card is in, or {@code null} for any
 * @param labels labels the card carries, all of them (names, ignoring case)
 * @param text a part of the title (ignoring case), as every vendor's own search reads free text; or {@code null}
 * @param reference the card's external reference, exactly, or {@code null}
 * @param limit at most this many cards, 1 to {@link #MAX_LIMIT}
 */
public record CardQuery(ColumnRef column, List<String> labels, String text, String reference, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    /** Bounds what one search reads and returns, whatever a caller asks for. */
    public static final int MAX_LIMIT = 200;

    public CardQuery {
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    public boolean matches(CardDetails card) {
        return matchesCard(card.card())
                && labels.stream().allMatch(label -> card.labels().stream().anyMatch(label::equalsIgnoreCase));
    }

    /** Column, reference and text: what can be checked before a card's labels are read. */
    public boolean matchesCard(Card card) {
        if (column != null && !column.id().equals(card.column().id())) {
            return false;
        }
        if (reference != null && !reference.equals(card.reference())) {
            return false;
        }
        return text == null || card.title() != null && card.title().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
