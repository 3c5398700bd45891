package io.jenkins.plugins.projectboards.client;

import io.jenkins.plugins.projectboards.client.webhook.EventText;

/**
 * A webhook delivery in vendor-neutral form. Every text comes from the caller, so it is cleaned on the way in
 * ({@link EventText#clean}: no control characters, at most 4 KiB) and the card URL is kept only when it is http(s).
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

    public BoardEvent {
        type = EventText.clean(type);
        vendorEvent = EventText.clean(vendorEvent);
        boardId = EventText.clean(boardId);
        boardName = EventText.clean(boardName);
        cardId = EventText.clean(cardId);
        cardTitle = EventText.clean(cardTitle);
        cardUrl = Links.web(EventText.clean(cardUrl));
        fromColumn = EventText.clean(fromColumn);
        toColumn = EventText.clean(toColumn);
        actor = EventText.clean(actor);
    }

    /** The same event with its columns renamed (a delivery that names them by id). */
    public BoardEvent withColumns(String from, String to) {
        return new BoardEvent(vendor, type, vendorEvent, boardId, boardName, cardId, cardTitle, cardUrl, from, to, actor);
    }
}
