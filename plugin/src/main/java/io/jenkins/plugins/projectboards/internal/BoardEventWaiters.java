package io.jenkins.plugins.projectboards.internal;

import io.jenkins.plugins.projectboards.client.BoardEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Who waits on a connection's board events besides the {@code boardEvent} trigger: a waiting {@code waitForCard}
 * registers here and the webhook dispatcher tells it every accepted delivery of its connection. It lives in
 * {@code internal} so that {@code webhook} and {@code steps} need not know each other. Kept in memory only: a gate
 * resumed after a restart registers again.
 */
@Restricted(NoExternalUse.class)
public final class BoardEventWaiters {
    private static final Logger LOGGER = Logger.getLogger(BoardEventWaiters.class.getName());
    private static final Map<String, Set<Consumer<BoardEvent>>> WAITERS = new ConcurrentHashMap<>();

    private BoardEventWaiters() {}

    /** From now on {@code waiter} hears the deliveries of {@code connection}; it must return quickly. */
    public static void add(String connection, Consumer<BoardEvent> waiter) {
        WAITERS.computeIfAbsent(connection, key -> ConcurrentHashMap.newKeySet()).add(waiter);
    }

    public static void remove(String connection, Consumer<BoardEvent> waiter) {
        WAITERS.computeIfPresent(connection, (key, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }

    /** Tells every waiter of {@code connection}; one that fails is logged and the others still hear it. */
    public static void heard(String connection, BoardEvent event) {
        for (Consumer<BoardEvent> waiter : WAITERS.getOrDefault(connection, Set.of())) {
            try {
                waiter.accept(event);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "A waiter on connection " + connection + " failed on a board event", e);
            }
        }
    }
}
