package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;

/** Column ids of a delivery become names, within a deadline; a failure is the caller's to log. */
public class ColumnNamesTest {
    private final ExecutorService lookups = Executors.newCachedThreadPool();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);

    @After
    public void stop() {
        never.countDown();
        lookups.shutdownNow();
    }

    private BoardClient columns(Supplier<List<ColumnRef>> answer) {
        return (BoardClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BoardClient.class}, (proxy, method, args) -> {
            if (!method.getName().equals("columns")) {
                throw new UnsupportedOperationException(method.getName());
            }
            calls.incrementAndGet();
            return answer.get();
        });
    }

    private static BoardEvent moved(Vendor vendor, String boardId, String from, String to) {
        return new BoardEvent(vendor, BoardEvent.CARD_MOVED, "task.move.column", boardId, "Shop", "4", "t", null, from, to, null);
    }

    @Test
    public void idsBecomeNames() {
        BoardClient client = columns(() -> List.of(new ColumnRef("14", "Ready"), new ColumnRef("15", "Work in progress")));
        BoardEvent named = ColumnNames.named(client, moved(Vendor.KANBOARD, "4", "14", "Work in progress"), lookups, Duration.ofSeconds(5));
        assertEquals("Ready", named.fromColumn());
        assertEquals("Work in progress", named.toColumn());
    }

    @Test
    public void aSlowBoardCostsAtMostTheDeadline() {
        BoardClient client = columns(() -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        });
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ColumnNames.named(client, moved(Vendor.KANBOARD, "4", "14", "x"), lookups, Duration.ofMillis(200)));
        assertTrue(e.getMessage(), e.getMessage().contains("Kanboard board 4 were not read within 200 ms"));
        assertTrue("waited at most about the deadline", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    public void aFailureReachesTheCaller() {
        BoardClient client = columns(() -> {
            throw new NumberFormatException("For input string: \"abc\"");
        });
        assertThrows(NumberFormatException.class,
                () -> ColumnNames.named(client, moved(Vendor.KANBOARD, "abc", "14", "x"), lookups, Duration.ofSeconds(5)));
    }

    @Test
    public void deliveriesThatNameTheirColumnsCostNoLookup() {
        BoardClient client = columns(List::of);
        BoardEvent planka = moved(Vendor.PLANKA, "500", "Todo", "Doing");
        assertSame(planka, ColumnNames.named(client, planka, lookups, Duration.ofSeconds(5)));
        BoardEvent noColumns = moved(Vendor.KANBOARD, "4", null, null);
        assertSame(noColumns, ColumnNames.named(client, noColumns, lookups, Duration.ofSeconds(5)));
        assertEquals(0, calls.get());
    }
}
