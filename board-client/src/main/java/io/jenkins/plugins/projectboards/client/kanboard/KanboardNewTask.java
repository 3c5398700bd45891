package io.jenkins.plugins.projectboards.client.kanboard;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code createTask} takes. Only {@code projectId} and {@code title} are required; {@code null} leaves a field
 * to Kanboard's default (first column, default swimlane, the project's default colour and priority).
 *
 * @param tags tag names; Kanboard creates unknown ones
 */
public record KanboardNewTask(
        String projectId,
        String title,
        String description,
        String columnId,
        String swimlaneId,
        String colorId,
        Integer priority,
        List<String> tags,
        LocalDate due,
        String ownerId,
        String reference) {

    public KanboardNewTask {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static KanboardNewTask of(String projectId, String title) {
        return new KanboardNewTask(projectId, title, null, null, null, null, null, List.of(), null, null, null);
    }
}
