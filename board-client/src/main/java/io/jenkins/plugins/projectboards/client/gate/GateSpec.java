package io.jenkins.plugins.projectboards.client.gate;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a gate waits for: the card in one of {@link #approve} (or carrying {@link #label}), or in one of
 * {@link #reject}. Columns are resolved once, at the start, the way every step resolves them ({@code resolveColumn}:
 * id, exact name, unique case-insensitive name), so a typo fails before the gate waits, with the valid names listed.
 *
 * @param label the approving label, or {@code null}
 */
public record GateSpec(List<ColumnRef> approve, List<ColumnRef> reject, String label) {
    static final String OPERATION = "waitForCard";

    public GateSpec {
        approve = List.copyOf(approve);
        reject = List.copyOf(reject);
    }

    /**
     * Resolves the step's column names on the card's board.
     *
     * @throws ValidationException when neither a column nor a label is given, or a column both approves and rejects
     * @throws io.jenkins.plugins.projectboards.client.UnknownNameException for a column the board does not have
     */
    public static GateSpec resolve(BoardClient client, BoardRef board, List<String> columns, List<String> rejectColumns,
            String label) {
        List<ColumnRef> approve = resolveAll(client, board, columns);
        List<ColumnRef> reject = resolveAll(client, board, rejectColumns);
        String wantedLabel = label == null || label.isBlank() ? null : label.strip();
        if (approve.isEmpty() && wantedLabel == null) {
            throw new ValidationException(client.vendor(), OPERATION, 0, "column",
                    "give the column (or columns) that approve, or a label");
        }
        for (ColumnRef column : approve) {
            if (reject.stream().anyMatch(other -> other.id().equals(column.id()))) {
                throw new ValidationException(client.vendor(), OPERATION, 0, "rejectColumns",
                        "column '" + column.name() + "' cannot both approve and reject");
            }
        }
        return new GateSpec(approve, reject, wantedLabel);
    }

    private static List<ColumnRef> resolveAll(BoardClient client, BoardRef board, List<String> names) {
        List<ColumnRef> resolved = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                if (name != null && !name.isBlank()) {
                    resolved.add(client.resolveColumn(board, name.strip()));
                }
            }
        }
        return resolved;
    }

    boolean approves(ColumnRef column) {
        return contains(approve, column);
    }

    boolean rejects(ColumnRef column) {
        return contains(reject, column);
    }

    /** Whether a card with these labels passes the label gate; {@code false} without a label gate. */
    boolean approvesLabels(List<String> labels) {
        return label != null && labels != null && labels.stream().anyMatch(candidate -> fold(candidate).equals(fold(label)));
    }

    private static boolean contains(List<ColumnRef> columns, ColumnRef column) {
        return column != null && columns.stream().anyMatch(candidate -> candidate.id().equals(column.id()));
    }

    /**
     * Whether a column as a delivery names it (an id, or a name when the dispatcher could name it) is {@code column}:
     * by id, else by name as {@code Names.pick} compares names (exact, then ignoring case and surrounding spaces).
     */
    static boolean sameColumn(ColumnRef column, String named) {
        return column != null && named != null
                && (named.equals(column.id()) || named.equals(column.name()) || fold(named).equals(fold(column.name())));
    }

    private static String fold(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
