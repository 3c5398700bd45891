package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.List;
import java.util.Optional;

/** Users by name or id, and the signed-in user ({@code getMe}, user credentials only). */
public final class KanboardUsers {
    /** The cache key of the signed-in user: no user name can hold a NUL. */
    private static final String ME = "\u0000me";

    private final KanboardTransport transport;
    private final TtlCache<String, KanboardUser> users;

    KanboardUsers(KanboardTransport transport, ClientOptions options) {
        this.transport = transport;
        this.users = new TtlCache<>(Vendor.KANBOARD, options);
    }

    /** The signed-in user; Kanboard answers 403 to this with the application token. */
    public KanboardUser me() {
        return users.get(ME, () -> KanboardUser.from(transport.call(KanboardCall.idempotent("getMe"))));
    }

    /** A user by id (digits) or user name. */
    public KanboardUser user(String nameOrId) {
        return users.get(nameOrId, () -> {
            KanboardCall call = userCall(nameOrId);
            JsonNode user = transport.call(call);
            if (user.isNull()) {
                throw new UnknownNameException(Vendor.KANBOARD, call.method(), "user", nameOrId, knownNames());
            }
            return KanboardUser.from(user);
        });
    }

    private static KanboardCall userCall(String nameOrId) {
        return nameOrId.chars().allMatch(Character::isDigit)
                ? KanboardCall.idempotent("getUser").with("user_id", Long.parseLong(nameOrId))
                : KanboardCall.idempotent("getUserByName").with("username", nameOrId);
    }

    /** {@link #me()}'s lookup, for a batch sent anyway; empty while it is cached. */
    Optional<KanboardLookup> meLookup() {
        return lookup(ME, KanboardCall.idempotent("getMe"));
    }

    /** {@link #user}'s lookup, for a batch sent anyway; empty while it is cached. */
    Optional<KanboardLookup> userLookup(String nameOrId) {
        return lookup(nameOrId, userCall(nameOrId));
    }

    private Optional<KanboardLookup> lookup(String key, KanboardCall call) {
        if (users.holds(key)) {
            return Optional.empty();
        }
        return Optional.of(new KanboardLookup(call, answer -> users.get(key, () -> KanboardUser.from(answer))));
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
