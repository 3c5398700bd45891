package io.jenkins.plugins.projectboards.client.planka;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.List;

/** The signed-in user, and users by user name, e-mail or id ({@code GET /api/users}: admins and project owners). */
public final class PlankaUsers {
    private final PlankaTransport transport;
    private final TtlCache<String, PlankaUser> me;
    private final TtlCache<String, List<PlankaUser>> all;

    PlankaUsers(PlankaTransport transport, ClientOptions options) {
        this.transport = transport;
        this.me = new TtlCache<>(Vendor.PLANKA, options);
        this.all = new TtlCache<>(Vendor.PLANKA, options);
    }

    public PlankaUser me() {
        return me.get("me", () -> PlankaUser.from(transport.get("users/me").path("item")));
    }

    private List<PlankaUser> loadUsers() {
        return PlankaBoardSnapshot.read(transport.get("users").get("items"), PlankaUser::from);
    }

    public PlankaUser user(String nameOrEmailOrId) {
        return all.resolve("all", this::loadUsers, users -> {
            for (PlankaUser user : users) {
                if (nameOrEmailOrId.equalsIgnoreCase(user.email())) {
                    return user;
                }
            }
            return Names.pick(Vendor.PLANKA, "resolve user", "user", nameOrEmailOrId, users, PlankaUser::id, PlankaUser::username);
        });
    }
}
