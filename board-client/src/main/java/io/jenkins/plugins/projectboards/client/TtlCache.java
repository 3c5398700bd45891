package io.jenkins.plugins.projectboards.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Name lookups per client, kept for a short time so that a hundred moves on one board cost one lookup, yet a column
 * renamed on the board is seen again within minutes.
 */
public final class TtlCache<K, V> {
    private record Entry<V>(V value, Instant expires) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** One lock per key, so that parallel updates on one board look its columns up once, not once per thread. */
    private final Map<K, Object> loading = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public TtlCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public V get(K key, Supplier<V> loader) {
        Entry<V> entry = entries.get(key);
        if (entry != null && clock.instant().isBefore(entry.expires())) {
            return entry.value();
        }
        synchronized (loading.computeIfAbsent(key, k -> new Object())) {
            Instant now = clock.instant();
            entry = entries.get(key);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.value();
            }
            V value = loader.get();
            entries.put(key, new Entry<>(value, now.plus(ttl)));
            return value;
        }
    }

    /** Forget one key, e.g. after the vendor said a cached id no longer exists. */
    public void invalidate(K key) {
        entries.remove(key);
    }
}
