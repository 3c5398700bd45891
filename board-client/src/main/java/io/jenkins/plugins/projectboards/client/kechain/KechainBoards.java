package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scopes by name or id (cached). KE-chain has no columns: an activity is {@code OPEN} or {@code COMPLETED}, and those
 * two statuses are the columns a card moves between.
 */
public final class KechainBoards {
    static final List<ColumnRef> STATUSES = List.of(new ColumnRef("OPEN", "OPEN"), new ColumnRef("COMPLETED", "COMPLETED"));
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final KechainTransport transport;
    private final TtlCache<String, KechainScope> scopes;

    KechainBoards(KechainTransport transport, ClientOptions options) {
        this.transport = transport;
        this.scopes = new TtlCache<>(Vendor.KECHAIN, options);
    }

    /** An active scope by name, or any scope by its id (a UUID). */
    public KechainScope scope(String nameOrId) {
        KechainScope scope = scopes.get(nameOrId, () -> KechainScope.from(isId(nameOrId)
                ? transport.single("api/v3/scopes.json", Map.of("id", nameOrId), "board", "scope with id " + nameOrId)
                : transport.single("api/v3/scopes.json", KechainTransport.query("status", "ACTIVE", "name", nameOrId), "board",
                        "active scope named '" + nameOrId + "'")));
        // Later lookups by id (cards name their scope by id) find it too.
        return scopes.get(scope.id(), () -> scope);
    }

    static boolean isId(String value) {
        return UUID.matcher(value).matches();
    }
}
