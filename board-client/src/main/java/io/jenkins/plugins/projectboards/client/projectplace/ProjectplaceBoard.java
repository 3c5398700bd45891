package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A board with its workspace, its columns in order, and its labels. */
public record ProjectplaceBoard(
        String id, String name, String workspaceId, String workspaceName, List<ProjectplaceColumn> columns, List<ProjectplaceLabel> labels) {

    static ProjectplaceBoard from(JsonNode node, String workspaceName) {
        List<ProjectplaceColumn> columns = new ArrayList<>();
        node.path("progresses").forEach(progress -> columns.add(new ProjectplaceColumn(progress.path("id").asText(),
                progress.path("name").asText(), progress.path("display_order").asInt())));
        columns.sort(Comparator.comparingInt(ProjectplaceColumn::displayOrder));
        List<ProjectplaceLabel> labels = new ArrayList<>();
        node.path("labels").forEach(label -> labels.add(new ProjectplaceLabel(label.path("id").asText(), label.path("name").asText())));
        String workspaceId = node.has("project_id") ? node.get("project_id").asText() : node.path("project").path("id").asText(null);
        String workspace = workspaceName != null ? workspaceName : node.path("project").path("name").asText(null);
        return new ProjectplaceBoard(Json.require(Vendor.PROJECTPLACE, "read board", node, "id").asText(), Json.text(node, "name"),
                workspaceId, workspace, List.copyOf(columns), List.copyOf(labels));
    }

    public String qualifiedName() {
        return workspaceName + "/" + name;
    }
}
