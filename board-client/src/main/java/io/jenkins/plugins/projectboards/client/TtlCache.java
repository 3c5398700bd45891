package io.jenkins.plugins.projectboards.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Name lookups per client, kept for a short time so that a hundred moves on one board cost one lookup, yet a column
 * renamed on the board is seen again within minutes, and a name made after the first lookup is found at once
 * ({@link #resolve}).
 *
 * <p>Parallel lookups of one key load it once: the first caller loads, the others wait for its result. Nobody holds
 * a lock while loading, so a waiting thread can be interrupted (a build aborted) instead of queueing behind a slow
 * server; a failed load is not kept, and the next caller tries again.
 */
public final class TtlCache<K, V> {
    /**
     * More than the boards, column lists and users one connection uses within a TTL; a bound all the same, because
     * keys are often names users typed.
     */
    static final int MAX_ENTRIES = 256;

    private record Entry<V>(V value, Instant expires) {}

    /** A value and whether it was loaded during the call that asked for it (then reloading cannot help). */
    private record Lookup<V>(V value, boolean fresh) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    private final Vendor vendor;
    private final Clock clock;
    private final Duration ttl;

    public TtlCache(Vendor vendor, ClientOptions options) {
        this.vendor = vendor;
        this.clock = options.clock();
        this.ttl = options.nameCacheTtl();
    }

    public V get(K key, Supplier<V> loader) {
        return lookup(key, loader, null).value();
    }

    /**
     * Whether a value for {@code key} is kept and not expired, so that {@link #get} would not load it. A caller that
     * can fold the load into a request it sends anyway (a Kanboard batch) asks this first, then hands the answer to
     * {@link #get} as the loader.
     */
    public boolean holds(K key) {
        return usable(entries.get(key), null);
    }

    /**
     * Picks something out of the cached value, e.g. a board out of the board list. When the name is not there
     * ({@link UnknownNameException}) and the value came from the cache, it is loaded again once and picked from anew:
     * a board made a minute ago is found, and the error lists what exists now.
     */
    public <T> T resolve(K key, Supplier<V> loader, Function<V, T> pick) {
        Lookup<V> cached = lookup(key, loader, null);
        try {
            return pick.apply(cached.value());
        } catch (UnknownNameException unknown) {
            if (cached.fresh()) {
                throw unknown;
            }
            return pick.apply(lookup(key, loader, cached.value()).value());
        }
    }

    /**
     * Runs a request for an id taken from this cache. When the server answers 404 the id is gone, so everything
     * cached is dropped: the next lookup reads the lists again instead of handing out the same dead id.
     */
    public <T> T forgetAllOnNotFound(Supplier<T> request) {
        try {
            return request.get();
        } catch (NotFoundException gone) {
            if (gone.httpStatus() == 404) {
                entries.clear();
            }
            throw gone;
        }
    }

    /** How many entries are kept (for tests of the bound). */
    int size() {
        return entries.size();
    }

    /**
     * The value for {@code key}: cached, loaded by another caller right now, or loaded here.
     *
     * @param stale a value not to be handed out again even if it has not expired ({@code null}: none)
     */
    private Lookup<V> lookup(K key, Supplier<V> loader, V stale) {
        Entry<V> entry = entries.get(key);
        if (usable(entry, stale)) {
            return new Lookup<>(entry.value(), false);
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return new Lookup<>(await(running), true);
        }
        try {
            // Looked at again: another caller may have stored it between the first look and taking the slot.
            entry = entries.get(key);
            if (usable(entry, stale)) {
                mine.complete(entry.value());
                return new Lookup<>(entry.value(), false);
            }
            Instant started = clock.instant();
            V value = loader.get();
            store(key, value, started.plus(ttl));
            mine.complete(value);
            return new Lookup<>(value, true);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private boolean usable(Entry<V> entry, V stale) {
        return entry != null && entry.value() != stale && clock.instant().isBefore(entry.expires());
    }

    private V await(CompletableFuture<V> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(vendor, "look up names", 0, "interrupted while waiting for the lookup", e);
        } catch (ExecutionException e) {
            // The loader's own typed error, as its caller got it.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }

    /** Stores a value, first dropping expired entries and, when still full, the one that expires soonest. */
    private void store(K key, V value, Instant expires) {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
        while (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().expires()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
        entries.put(key, new Entry<>(value, expires));
    }
}
