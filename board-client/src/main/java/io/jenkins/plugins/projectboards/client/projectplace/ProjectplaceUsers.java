package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.List;

/** Account members ({@code POST /1/account/people}, paged), found by e-mail or id. */
public final class ProjectplaceUsers {
    private final ProjectplaceTransport transport;
    private final TtlCache<String, List<ProjectplaceUser>> people;

    ProjectplaceUsers(ProjectplaceTransport transport, ClientOptions options) {
        this.transport = transport;
        this.people = new TtlCache<>(Vendor.PROJECTPLACE, options);
    }

    private List<ProjectplaceUser> loadUsers() {
        return transport.paged(transport.v1("account/people"), Json.object()).stream().map(ProjectplaceUsers::user).toList();
    }

    private static ProjectplaceUser user(JsonNode node) {
        String name = (node.path("first_name").asText("") + " " + node.path("last_name").asText("")).strip();
        return new ProjectplaceUser(node.path("id").asText(), node.path("email").asText(null), name);
    }

    public ProjectplaceUser user(String emailOrId) {
        return people.resolve("all", this::loadUsers, users -> Names.pick(Vendor.PROJECTPLACE, "resolve user", "user", emailOrId,
                users, ProjectplaceUser::id, ProjectplaceUser::email));
    }
}
