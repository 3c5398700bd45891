package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.List;

/** Users by name or id, and the signed-in user ({@code getMe}, user credentials only). */
public final class KanboardUsers {
    private final KanboardTransport transport;
    private final TtlCache<String, KanboardUser> users;

    KanboardUsers(KanboardTransport transport, ClientOptions options) {
        this.transport = transport;
        this.users = new TtlCache<>(Vendor.KANBOARD, options);
    }

    /** The signed-in user; Kanboard answers 403 to this with the application token. */
    public KanboardUser me() {
        return users.get("\u0000me", () -> KanboardUser.from(transport.call(KanboardCall.idempotent("getMe"))));
    }

    /** A user by id (digits) or user name. */
    public KanboardUser user(String nameOrId) {
        return users.get(nameOrId, () -> {
            boolean byId = nameOrId.chars().allMatch(Character::isDigit);
            JsonNode user = transport.call(byId
                    ? KanboardCall.idempotent("getUser").with("user_id", Long.parseLong(nameOrId))
                    : KanboardCall.idempotent("getUserByName").with("username", nameOrId));
            if (user.isNull()) {
                throw new UnknownNameException(Vendor.KANBOARD, byId ? "getUser" : "getUserByName", "user", nameOrId, knownNames());
            }
            return KanboardUser.from(user);
        });
    }

    /** For the error message only: user credentials may not list users, then the list stays empty. */
    private List<String> knownNames() {
        try {
            return KanboardBoards.list(transport.call(KanboardCall.idempotent("getAllUsers")), KanboardUser::from).stream()
                    .map(KanboardUser::username).toList();
        } catch (BoardException notAllowed) {
            return List.of();
        }
    }
}
