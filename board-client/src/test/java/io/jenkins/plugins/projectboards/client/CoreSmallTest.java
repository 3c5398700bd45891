package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.jenkins.plugins.projectboards.client.testing.TestTime;
import org.junit.Test;

public class CoreSmallTest {

    @Test
    public void parallelLookupsOfOneKeyLoadItOnce() throws Exception {
        TtlCache<String, String> cache = new TtlCache<>(Vendor.PLANKA, ClientOptions.defaults());
        AtomicInteger loads = new AtomicInteger();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> lookups = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lookups.add(pool.submit(() -> {
                    start.await();
                    return cache.get("board", () -> {
                        loads.incrementAndGet();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "lists";
                    });
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<String> lookup : lookups) {
                assertEquals("lists", lookup.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
    }

    @Test
    public void cacheLoadsOnceWithinTheTtlAndAgainAfterIt() {
        TestTime clock = new TestTime(Instant.parse("2026-11-24T12:00:00Z"));
        TtlCache<String, String> cache = new TtlCache<>(Vendor.PLANKA, ClientOptions.defaults().withTime(clock, null, null));
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            assertEquals("columns-1", cache.get("board", () -> "columns-" + loads.incrementAndGet()));
        }
        clock.now = clock.now.plusSeconds(121);
        assertEquals("columns-2", cache.get("board", () -> "columns-" + loads.incrementAndGet()));
    }

    @Test
    public void constantTimeEqualsMatchesOnlyTheSameNonEmptySecret() {
        assertTrue(Secrets.constantTimeEquals("s3cret", "s3cret"));
        assertFalse(Secrets.constantTimeEquals("s3cret", "s3creT"));
        assertFalse(Secrets.constantTimeEquals("s3cret", null));
        assertFalse(Secrets.constantTimeEquals("", ""));
        assertEquals("****", Secrets.mask("s3cret"));
        assertEquals("(none)", Secrets.mask(null));
    }

    @Test
    public void positionParsesInAnyCaseAndNamesTheField() {
        assertEquals(Position.TOP, Position.parse(Vendor.PLANKA, "moveCard", " Top ", Position.BOTTOM));
        assertEquals(Position.BOTTOM, Position.parse(Vendor.PLANKA, "moveCard", null, Position.BOTTOM));
        ValidationException e = assertThrows(ValidationException.class,
                () -> Position.parse(Vendor.PLANKA, "moveCard", "middle", Position.BOTTOM));
        assertEquals("Planka moveCard: 'position': expected 'top' or 'bottom', got 'middle'", e.getMessage());
    }

    @Test
    public void webhookDeliveryHeadersIgnoreCaseAndToStringHidesThem() {
        WebhookDelivery delivery = new WebhookDelivery(Map.of("Authorization", "Bearer hook-s3cret"),
                Map.of("token", List.of("q-s3cret")), "{}");
        assertEquals("Bearer hook-s3cret", delivery.header("authorization"));
        assertEquals("q-s3cret", delivery.queryParameter("token"));
        assertEquals("WebhookDelivery[2 bytes]", delivery.toString());
    }
}
