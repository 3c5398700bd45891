package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.Map;

/** The signed-in user and users by user name or id. */
public final class KechainUsers {
    private final KechainTransport transport;
    private final TtlCache<String, KechainUser> users;

    KechainUsers(KechainTransport transport, ClientOptions options) {
        this.transport = transport;
        this.users = new TtlCache<>(Vendor.KECHAIN, options);
    }

    public KechainUser me() {
        return users.get("\u0000me", () -> KechainUser.from(KechainTransport.first("GET current user",
                transport.json("GET", "api/users/get_current_user", Map.of(), null, true))));
    }

    public KechainUser user(String usernameOrId) {
        boolean byId = usernameOrId.chars().allMatch(Character::isDigit);
        return users.get(usernameOrId, () -> KechainUser.from(transport.single("api/users.json",
                Map.of(byId ? "id" : "username", usernameOrId), "assignee", "user '" + usernameOrId + "'")));
    }
}
