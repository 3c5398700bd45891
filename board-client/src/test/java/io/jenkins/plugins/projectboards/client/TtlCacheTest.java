package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.testing.TestTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class TtlCacheTest {
    private final TestTime clock = new TestTime(Instant.parse("2026-11-24T12:00:00Z"));
    private final TtlCache<String, String> cache = new TtlCache<>(Vendor.PLANKA, ClientOptions.defaults().withTime(clock, null, null));

    /** A thread waiting for another's slow lookup holds no monitor: aborting its build interrupts the wait at once. */
    @Test
    public void waitingForAnotherThreadsLookupIsInterruptible() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread loader = new Thread(() -> cache.get("board", () -> {
            loading.countDown();
            awaitQuietly(release);
            return "lists";
        }));
        loader.start();
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                cache.get("board", () -> "a second load");
            } catch (Throwable e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        waitUntilWaiting(waiter);
        waiter.interrupt();
        waiter.join(5000);
        assertEquals(ConnectionException.class, failure.get().getClass());
        assertEquals("Planka look up names: interrupted while waiting for the lookup", failure.get().getMessage());
        assertEquals(true, stillInterrupted.get());
        release.countDown();
        loader.join(5000);
        assertEquals("lists", cache.get("board", () -> "not loaded again"));
    }

    /** What a caller folding a load into its own request asks first: a kept value until it expires, never a load. */
    @Test
    public void holdsOnlyAKeptValueThatHasNotExpired() {
        assertFalse(cache.holds("board"));
        cache.get("board", () -> "lists");
        assertTrue(cache.holds("board"));
        assertFalse(cache.holds("other"));
        clock.now = clock.now.plus(ClientOptions.defaults().nameCacheTtl());
        assertFalse(cache.holds("board"));
        assertEquals("loaded again", cache.get("board", () -> "loaded again"));
    }

    @Test
    public void failedLoadIsNotKeptAndTheNextCallerLoadsAgain() {
        AtomicInteger loads = new AtomicInteger();
        ApiException down = new ApiException(Vendor.PLANKA, "GET /api/projects", 503, "down");
        assertSame(down, assertThrows(ApiException.class, () -> cache.get("all", () -> {
            loads.incrementAndGet();
            throw down;
        })));
        assertEquals("up", cache.get("all", () -> {
            loads.incrementAndGet();
            return "up";
        }));
        assertEquals(2, loads.get());
    }

    @Test
    public void expiredEntriesAreDroppedOnWriteAndTheCacheIsBounded() {
        cache.get("name 0", () -> "value");
        clock.now = clock.now.plusSeconds(1);
        for (int i = 1; i < TtlCache.MAX_ENTRIES; i++) {
            cache.get("name " + i, () -> "value");
        }
        clock.now = clock.now.plusSeconds(1);
        // Full: the entry that expires first (the first one stored) makes room.
        cache.get("one more", () -> "value");
        assertEquals(TtlCache.MAX_ENTRIES, cache.size());
        AtomicInteger loads = new AtomicInteger();
        assertEquals("value", cache.get("name 1", () -> "reloaded " + loads.incrementAndGet()));
        assertEquals("reloaded 1", cache.get("name 0", () -> "reloaded " + loads.incrementAndGet()));
        // Once all have expired, the next write drops them.
        clock.now = clock.now.plusSeconds(121);
        cache.get("fresh", () -> "value");
        assertEquals(1, cache.size());
    }

    @Test
    public void resolveReadsAgainOnceOnlyWhenTheCachedValueMissesTheName() {
        AtomicInteger loads = new AtomicInteger();
        List<List<String>> answers = List.of(List.of("A"), List.of("A", "B"), List.of("A", "B"));
        java.util.function.Supplier<List<String>> loader = () -> answers.get(loads.getAndIncrement());
        TtlCache<String, List<String>> lists = new TtlCache<>(Vendor.KANBOARD, ClientOptions.defaults().withTime(clock, null, null));
        java.util.function.Function<String, java.util.function.Function<List<String>, String>> pick = wanted -> names ->
                Names.pick(Vendor.KANBOARD, "resolve board", "board", wanted, names, name -> name, name -> name);
        assertEquals("A", lists.resolve("all", loader, pick.apply("A")));
        assertEquals("B", lists.resolve("all", loader, pick.apply("B")));
        assertEquals("B", lists.resolve("all", loader, pick.apply("B")));
        assertEquals(2, loads.get());
        // A miss on a list loaded by the same call is final: no second read.
        TtlCache<String, List<String>> empty = new TtlCache<>(Vendor.KANBOARD, ClientOptions.defaults().withTime(clock, null, null));
        AtomicInteger emptyLoads = new AtomicInteger();
        assertThrows(UnknownNameException.class, () -> empty.resolve("all", () -> {
            emptyLoads.incrementAndGet();
            return List.of("A");
        }, pick.apply("C")));
        assertEquals(1, emptyLoads.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntilWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 500 && thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
    }
}
