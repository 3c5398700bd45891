package io.jenkins.plugins.projectboards.tracking;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.client.release.ReleaseLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Release tracking's memory for one connection, kept on each build that released: cards released per version and
 * cards carried over. The next build starts from the nearest earlier build that has one.
 */
public class ReleaseLedgerAction extends InvisibleAction {
    private final String connection;
    private final List<String> released;
    private final Map<String, Integer> carried;

    public ReleaseLedgerAction(String connection, ReleaseLedger ledger) {
        this.connection = connection;
        this.released = new ArrayList<>(ledger.released());
        this.carried = new LinkedHashMap<>(ledger.carried());
    }

    public String getConnection() {
        return connection;
    }

    public ReleaseLedger ledger() {
        return new ReleaseLedger(new LinkedHashSet<>(released), carried);
    }

    /** The ledger of the nearest build before {@code run} that released on {@code connection}, or an empty one. */
    public static ReleaseLedger before(Run<?, ?> run, String connection) {
        for (Run<?, ?> build = run.getPreviousBuild(); build != null; build = build.getPreviousBuild()) {
            for (ReleaseLedgerAction action : build.getActions(ReleaseLedgerAction.class)) {
                if (action.connection.equals(connection)) {
                    return action.ledger();
                }
            }
        }
        return ReleaseLedger.empty();
    }

    /** Keeps the ledger on {@code run}, replacing one an earlier step of the same build left. */
    public static void keep(Run<?, ?> run, String connection, ReleaseLedger ledger) {
        synchronized (run) {
            run.getActions(ReleaseLedgerAction.class).stream()
                    .filter(action -> action.connection.equals(connection))
                    .toList()
                    .forEach(run::removeAction);
            run.addAction(new ReleaseLedgerAction(connection, ledger));
        }
        try {
            run.save();
        } catch (java.io.IOException e) {
            java.util.logging.Logger.getLogger(ReleaseLedgerAction.class.getName())
                    .log(java.util.logging.Level.WARNING, "Could not save the release ledger of " + run, e);
        }
    }
}
