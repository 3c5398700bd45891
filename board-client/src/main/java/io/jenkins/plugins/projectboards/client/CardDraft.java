package io.jenkins.plugins.projectboards.client;

import java.time.LocalDate;
import java.util.List;

/**
 * What to create: validated and resolved input, as the facade hands it to a vendor.
 *
 * @param assignee resolved user or {@code null}
 * @param due due date or {@code null}
 * @param reference external reference that makes the create idempotent, or {@code null}
 */
public record CardDraft(
        String title,
        String description,
        List<String> labels,
        LocalDate due,
        UserRef assignee,
        String reference,
        Position position) {

    public CardDraft {
        labels = labels == null ? List.of() : List.copyOf(labels);
        position = position == null ? Position.BOTTOM : position;
    }
}
