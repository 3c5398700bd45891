package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;

/**
 * A Kanboard task as {@code getTask} and friends describe it.
 *
 * @param url the task's page, built by Kanboard from its {@code application_url} setting
 * @param dateCreation unix seconds
 */
public record KanboardTask(
        String id,
        String title,
        String projectId,
        String columnId,
        String swimlaneId,
        int position,
        boolean active,
        String reference,
        String url,
        long dateCreation) {

    static KanboardTask from(JsonNode node) {
        return new KanboardTask(
                Json.require(Vendor.KANBOARD, "read task", node, "id").asText(),
                Json.text(node, "title"),
                Json.require(Vendor.KANBOARD, "read task", node, "project_id").asText(),
                Json.require(Vendor.KANBOARD, "read task", node, "column_id").asText(),
                Json.text(node, "swimlane_id"),
                node.path("position").asInt(),
                node.path("is_active").asInt(1) == 1,
                emptyToNull(Json.text(node, "reference")),
                Json.text(node, "url"),
                node.path("date_creation").asLong());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
