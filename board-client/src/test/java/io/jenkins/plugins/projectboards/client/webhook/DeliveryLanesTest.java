package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.After;
import org.junit.Test;

/**
 * One bounded lane per connection: deliveries handed over in order and in batches, a full lane refuses, a failing
 * batch is reported and the lane goes on.
 */
public class DeliveryLanesTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @After
    public void stop() {
        executor.shutdownNow();
    }

    /** Lanes whose worker runs each delivery: a delivery here is the work itself. */
    private DeliveryLanes<Runnable> lanes(int capacity) {
        return new DeliveryLanes<>(capacity, executor, (key, batch) -> batch.forEach(Runnable::run),
                (key, e) -> failures.add(key + ": " + e.getMessage()));
    }

    @Test
    public void aFullLaneRefusesWhileOtherLanesGoOn() throws Exception {
        DeliveryLanes<Runnable> lanes = lanes(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        assertTrue(lanes.offer("slow", () -> {
            started.countDown();
            await(release);
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(lanes.offer("slow", () -> {}));
        assertTrue(lanes.offer("slow", () -> {}));
        assertFalse("the third waiting delivery is refused", lanes.offer("slow", () -> {}));
        CountDownLatch other = new CountDownLatch(1);
        assertTrue(lanes.offer("fast", other::countDown));
        assertTrue("another connection is not held up", other.await(10, TimeUnit.SECONDS));
        release.countDown();
        boolean room = false;
        for (int i = 0; i < 200 && !(room = lanes.offer("slow", () -> {})); i++) {
            Thread.sleep(50);
        }
        assertTrue("room again once the lane drained", room);
    }

    @Test
    public void deliveriesComeInOrderInBatchesAndAFailingBatchStopsNothing() {
        Queue<Runnable> runs = new ArrayDeque<>(); // an executor run by hand: the batches are exact
        List<Integer> handed = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        DeliveryLanes<Integer> lanes = new DeliveryLanes<>(1000, runs::add, (key, batch) -> {
            batchSizes.add(batch.size());
            if (batch.contains(77)) {
                throw new NumberFormatException("For input string: \"abc\"");
            }
            handed.addAll(batch);
        }, (key, e) -> failures.add(key + ": " + e.getMessage()));
        for (int i = 0; i < 201; i++) {
            assertTrue(lanes.offer("kb", i));
        }
        assertEquals("one run scheduled for the lane, however many wait", 1, runs.size());
        for (Runnable run; (run = runs.poll()) != null; ) {
            run.run();
        }
        assertEquals("at most " + DeliveryLanes.BATCH + " at a time", List.of(50, 50, 50, 50, 1), batchSizes);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            if (i < 50 || i >= 100) { // 50..99 is the batch that threw
                expected.add(i);
            }
        }
        assertEquals(expected, handed);
        assertEquals(List.of("kb: For input string: \"abc\""), failures);
    }

    /**
     * Many request threads offering at once while the lane drains: every accepted delivery is handed over exactly
     * once, each thread's in the order it offered them, and none waits for a later offer to be handed over (no lost
     * wake-up).
     */
    @Test
    public void everyAcceptedDeliveryComesOnceInOrderWhileManyThreadsOffer() throws Exception {
        int threads = 8;
        int each = 5000;
        AtomicIntegerArray handed = new AtomicIntegerArray(threads * each);
        int[] last = new int[threads];
        Arrays.fill(last, -1);
        List<String> outOfOrder = new CopyOnWriteArrayList<>();
        AtomicInteger total = new AtomicInteger();
        // One batch at a time: last needs no lock, and a delivery out of order is a bug.
        Consumer<Integer> take = delivery -> {
            int thread = delivery / each;
            int n = delivery % each;
            if (n <= last[thread]) {
                outOfOrder.add(thread + ":" + n + " after " + last[thread]);
            }
            last[thread] = n;
            handed.incrementAndGet(delivery);
            total.incrementAndGet();
        };
        DeliveryLanes<Integer> lanes = new DeliveryLanes<>(threads * each, executor, (key, batch) -> batch.forEach(take),
                (key, e) -> failures.add(key + ": " + e));
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Thread> offering = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread offer = new Thread(() -> {
                await(go);
                for (int n = 0; n < each; n++) {
                    if (!lanes.offer("planka", thread * each + n)) {
                        refused.incrementAndGet();
                    }
                }
            });
            offer.start();
            offering.add(offer);
        }
        go.countDown();
        for (Thread offer : offering) {
            offer.join();
        }
        for (int i = 0; i < 400 && total.get() < threads * each; i++) {
            Thread.sleep(25);
        }
        assertEquals("the lane holds them all", 0, refused.get());
        assertEquals("every delivery handed over, with no later offer to wake the lane", threads * each, total.get());
        for (int i = 0; i < handed.length(); i++) {
            assertEquals("delivery " + i + " handed over once", 1, handed.get(i));
        }
        assertEquals(List.of(), outOfOrder);
        assertEquals(List.of(), failures);
    }

    @Test
    public void aDeliveryTheExecutorRefusesIsNotKeptAndTheLaneStaysUsable() throws Exception {
        AtomicBoolean refuseNext = new AtomicBoolean(true);
        List<String> handed = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        DeliveryLanes<String> lanes = new DeliveryLanes<>(1, task -> {
            if (refuseNext.getAndSet(false)) {
                throw new RejectedExecutionException("shut down");
            }
            executor.execute(task);
        }, (key, batch) -> {
            handed.addAll(batch);
            done.countDown();
        }, (key, e) -> failures.add(key + ": " + e));
        assertThrows(RejectedExecutionException.class, () -> lanes.offer("kb", "refused"));
        assertTrue("the refused delivery does not take the lane's one place", lanes.offer("kb", "accepted"));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("accepted"), handed);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
