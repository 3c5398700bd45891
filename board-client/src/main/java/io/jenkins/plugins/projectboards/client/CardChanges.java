package io.jenkins.plugins.projectboards.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes to one card's fields; {@code null} (or an empty list) leaves a field as it is. {@link #against} keeps only
 * what differs from the card, so a vendor is sent exactly the fields that change.
 *
 * @param addLabels, removeLabels label names (ignoring case)
 */
public record CardChanges(
        String title, String description, List<String> addLabels, List<String> removeLabels, LocalDate due, UserRef assignee) {
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String LABELS = "labels";
    public static final String DUE = "due";
    public static final String ASSIGNEE = "assignee";

    public CardChanges {
        addLabels = addLabels == null ? List.of() : List.copyOf(addLabels);
        removeLabels = removeLabels == null ? List.of() : List.copyOf(removeLabels);
    }

    /** Only the changes that would change {@code card}: a field already so, a label already there or not there, drop out. */
    public CardChanges against(CardDetails card) {
        return new CardChanges(
                title == null || title.equals(card.card().title()) ? null : title,
                description == null || description.equals(card.description()) ? null : description,
                addLabels.stream().filter(label -> !carries(card.labels(), label)).distinct().toList(),
                removeLabels.stream().filter(label -> carries(card.labels(), label)).distinct().toList(),
                due == null || due.equals(card.due()) ? null : due,
                assignee == null || card.assignee() != null && assignee.id().equals(card.assignee().id()) ? null : assignee);
    }

    /** The names of the fields these changes set, in a fixed order. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        if (title != null) {
            fields.add(TITLE);
        }
        if (description != null) {
            fields.add(DESCRIPTION);
        }
        if (!addLabels.isEmpty() || !removeLabels.isEmpty()) {
            fields.add(LABELS);
        }
        if (due != null) {
            fields.add(DUE);
        }
        if (assignee != null) {
            fields.add(ASSIGNEE);
        }
        return fields;
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }

    /** The card's labels after these changes: removed ones gone, added ones at the end. */
    public List<String> labelsOf(CardDetails card) {
        List<String> labels = new ArrayList<>(card.labels().stream().filter(label -> !carries(removeLabels, label)).toList());
        addLabels.stream().filter(label -> !carries(labels, label)).forEach(labels::add);
        return labels;
    }

    /** The card as it is once these changes are made. */
    public CardDetails applyTo(CardDetails card) {
        Card before = card.card();
        Card after = new Card(before.vendor(), before.id(), Objects.requireNonNullElse(title, before.title()), before.url(),
                before.board(), before.column(), before.reference());
        return new CardDetails(after, Objects.requireNonNullElse(description, card.description()), labelsOf(card),
                due == null ? card.due() : due, assignee == null ? card.assignee() : assignee, card.closed());
    }

    private static boolean carries(List<String> labels, String label) {
        return labels.stream().anyMatch(label::equalsIgnoreCase);
    }
}
