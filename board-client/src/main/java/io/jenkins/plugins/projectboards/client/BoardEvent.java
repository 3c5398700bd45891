package io.jenkins.plugins.projectboards.client;

/**
 * A webhook delivery in vendor-neutral form.
 *
 * @param type normalised event: {@code card.created}, {@code card.moved}, {@code card.updated},
 *     {@code card.commented}, {@code card.deleted}, or {@code other}
 * @param vendorEvent the vendor's own event name, e.g. {@code task.move.column} or {@code cardUpdate}
 */
public record BoardEvent(
        Vendor vendor,
        String type,
        String vendorEvent,
        String boardId,
        String boardName,
        String cardId,
        String cardTitle,
        String cardUrl,
        String fromColumn,
        String toColumn,
        String actor) {

    public static final String CARD_CREATED = "card.created";
    public static final String CARD_MOVED = "card.moved";
    public static final String CARD_UPDATED = "card.updated";
    public static final String CARD_COMMENTED = "card.commented";
    public static final String CARD_DELETED = "card.deleted";
    public static final String OTHER = "other";
}
