package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Account members, found by e-mail or id, from {@code GET /1/account/people}: the listing Projectplace's own examples
 * read {@code id}, {@code email} and {@code account_role} from. (Its {@code POST} form, a filtered and paged search,
 * answers rows the examples read as {@code userid} and {@code name}.)
 */
public final class ProjectplaceUsers {
    /**
     * The roles of full account members, as the vendor's examples keep them; external, pending and unregistered
     * people are left out.
     */
    static final Set<String> ACTIVE_ROLES = Set.of("account_role_owner", "account_role_co_owner", "account_role_admin",
            "account_role_member");

    private final ProjectplaceTransport transport;
    private final TtlCache<String, List<ProjectplaceUser>> people;

    ProjectplaceUsers(ProjectplaceTransport transport, ClientOptions options) {
        this.transport = transport;
        this.people = new TtlCache<>(Vendor.PROJECTPLACE, options);
    }

    private List<ProjectplaceUser> loadUsers() {
        String path = transport.v1("account/people");
        JsonNode answer = transport.get(path);
        if (!answer.isArray()) {
            throw new MalformedResponseException(Vendor.PROJECTPLACE, ProjectplaceTransport.operation("GET", path), 200,
                    "expected a JSON array of people");
        }
        List<ProjectplaceUser> users = new ArrayList<>();
        for (JsonNode person : answer) {
            if (ACTIVE_ROLES.contains(Json.text(person, "account_role"))) {
                users.add(user(person));
            }
        }
        return List.copyOf(users);
    }

    private static ProjectplaceUser user(JsonNode node) {
        String name = node.hasNonNull("name") ? node.get("name").asText()
                : (node.path("first_name").asText("") + " " + node.path("last_name").asText("")).strip();
        return new ProjectplaceUser(Json.text(node, "id"), Json.text(node, "email"), name);
    }

    /**
     * The member with this e-mail or id. A member the listing gives no id for cannot be assigned anything: that is
     * refused here, naming the field, rather than sent as an empty id.
     */
    public ProjectplaceUser user(String emailOrId) {
        ProjectplaceUser user = people.resolve("all", this::loadUsers, users -> Names.pick(Vendor.PROJECTPLACE, "resolve user",
                "user", emailOrId, users, ProjectplaceUser::id, ProjectplaceUser::email));
        if (user.id() == null || user.id().isBlank()) {
            throw new MalformedResponseException(Vendor.PROJECTPLACE,
                    ProjectplaceTransport.operation("GET", transport.v1("account/people")), 200,
                    "the account's people listing gives no 'id' for '" + emailOrId + "'");
        }
        return user;
    }
}
