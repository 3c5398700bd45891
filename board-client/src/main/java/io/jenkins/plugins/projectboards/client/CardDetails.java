package io.jenkins.plugins.projectboards.client;

import java.time.LocalDate;
import java.util.List;

/**
 * A card with the fields a script reads and edits beyond {@link Card} (which gives vendor, id, url, title, board,
 * column and reference): what {@link BoardClient#cardDetails} reads.
 *
 * @param description the text without the reference marker of Planka and Projectplace ({@link ReferenceMarker}); empty
 *     when the card has none
 * @param labels label names (Kanboard tags, Planka and Projectplace labels, KE-chain tags), in the vendor's order
 * @param due the due day (UTC), or {@code null}
 * @param assignee the one assignee (Planka: the first member), or {@code null}
 * @param closed Kanboard: the task is closed; Planka: the card is closed or in a closed list; Projectplace: the card
 *     is done; KE-chain: the activity is {@code COMPLETED}
 */
public record CardDetails(Card card, String description, List<String> labels, LocalDate due, UserRef assignee, boolean closed) {

    public CardDetails {
        description = description == null ? "" : description;
        labels = List.copyOf(labels);
    }
}
