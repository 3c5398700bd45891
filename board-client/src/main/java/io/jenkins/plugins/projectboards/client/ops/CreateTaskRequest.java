package io.jenkins.plugins.projectboards.client.ops;

import java.util.List;

/**
 * The arguments of the {@code createTask} step, as the user wrote them (names, not ids).
 *
 * @param column column name or id; blank means the board's first column
 * @param due {@code YYYY-MM-DD} or blank
 * @param assignee user name or id, or blank
 * @param reference external reference making the step idempotent, or blank
 */
public record CreateTaskRequest(
        String board,
        String column,
        String title,
        String description,
        List<String> labels,
        String due,
        String assignee,
        String reference,
        boolean dryRun) {

    public CreateTaskRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
