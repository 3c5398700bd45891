package io.jenkins.plugins.projectboards.client.planka;

/** A Planka board with its project, as users name it: {@code Board} or {@code Project/Board}. */
public record PlankaBoard(String id, String name, String projectId, String projectName) {

    public String qualifiedName() {
        return projectName + "/" + name;
    }
}
