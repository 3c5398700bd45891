package io.jenkins.plugins.projectboards.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * The level for a warning about a connection that may repeat with every delivery (a flood, a slow board): WARNING at
 * most once per {@link #EVERY_MINUTES} minutes per connection, FINE in between, so the log shows the problem without
 * filling up.
 */
final class WarningsPerConnection {
    static final int EVERY_MINUTES = 10;

    private final Map<String, Long> lastWarning = new ConcurrentHashMap<>();

    Level level(String connection) {
        long now = System.nanoTime();
        long warnedAt = lastWarning.compute(connection,
                (key, last) -> last == null || now - last >= TimeUnit.MINUTES.toNanos(EVERY_MINUTES) ? Long.valueOf(now) : last);
        return warnedAt == now ? Level.WARNING : Level.FINE;
    }
}
