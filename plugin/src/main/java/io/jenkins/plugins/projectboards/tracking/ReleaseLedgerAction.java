package io.jenkins.plugins.projectboards.tracking;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.client.release.ReleaseLedger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Release tracking's memory for one connection, kept on each build that released: cards released per version,
 * cards carried over, and which of those are already commented. A release saves it before its first write and again
 * after each card, so a release cut short (Jenkins restarted, the build aborted) leaves what it had done and what it
 * had still to do for the next build.
 */
public class ReleaseLedgerAction extends InvisibleAction {
    private static final Logger LOGGER = Logger.getLogger(ReleaseLedgerAction.class.getName());

    private final String connection;
    private final List<String> released;
    private final Map<String, Integer> carried;
    /** Absent from ledgers saved before comments and moves were tracked apart; read as none. */
    private List<String> commented;
    /**
     * One more than the ledger it was made from: builds of one job may release in any order (one waits while
     * another releases), so the ledger to start from is the one written last, not the one of the nearest build.
     * Ledgers saved before it existed read as 0.
     */
    private final long generation;

    public ReleaseLedgerAction(String connection, long generation, ReleaseLedger ledger) {
        this.connection = connection;
        this.generation = generation;
        this.released = new ArrayList<>(ledger.released());
        this.carried = new LinkedHashMap<>(ledger.carried());
        this.commented = new ArrayList<>(ledger.commented());
    }

    protected Object readResolve() {
        if (commented == null) {
            commented = new ArrayList<>();
        }
        return this;
    }

    public String getConnection() {
        return connection;
    }

    public long getGeneration() {
        return generation;
    }

    public ReleaseLedger ledger() {
        return new ReleaseLedger(new LinkedHashSet<>(released), carried, new LinkedHashSet<>(commented));
    }

    /**
     * The ledger written last for {@code connection} among the job's last {@link BuildChanges#lookback()} builds
     * ({@code run} and any newer build included), or {@code null} when there is none. The scan is bounded so that a
     * job with thousands of builds and no release does not load them all.
     */
    public static ReleaseLedgerAction latest(Run<?, ?> run, String connection) {
        ReleaseLedgerAction latest = null;
        int scanned = 0;
        for (Run<?, ?> build = run.getParent().getLastBuild(); build != null && scanned < BuildChanges.lookback();
                build = build.getPreviousBuild(), scanned++) {
            for (ReleaseLedgerAction action : build.getActions(ReleaseLedgerAction.class)) {
                if (action.connection.equals(connection) && (latest == null || action.generation > latest.generation)) {
                    latest = action;
                }
            }
        }
        return latest;
    }

    /** Keeps the ledger on {@code run}, replacing the one saved before (by an earlier card or step), and saves the build. */
    public static void keep(Run<?, ?> run, String connection, long generation, ReleaseLedger ledger) {
        synchronized (run) {
            run.getActions(ReleaseLedgerAction.class).stream()
                    .filter(action -> action.connection.equals(connection))
                    .toList()
                    .forEach(run::removeAction);
            run.addAction(new ReleaseLedgerAction(connection, generation, ledger));
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the release ledger of " + run, e);
        }
    }
}
