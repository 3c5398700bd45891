package io.jenkins.plugins.projectboards.client.ops;

import java.util.List;

/**
 * The arguments of the {@code waitForCard} step.
 *
 * @param card id, {@code #id}, reference or card URL
 * @param board board name or id; needed only to find a card by reference
 * @param columns the columns that approve (the step's {@code column} and {@code columns} together)
 * @param rejectColumns the columns that reject
 * @param label a label that approves, or {@code null}
 * @param timeoutMinutes how long the gate waits, at least 1
 */
public record WaitForCardRequest(String card, String board, List<String> columns, List<String> rejectColumns, String label,
        int timeoutMinutes, boolean dryRun) {

    public WaitForCardRequest {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rejectColumns = rejectColumns == null ? List.of() : List.copyOf(rejectColumns);
    }
}
