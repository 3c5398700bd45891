package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/** One bounded lane per connection: order kept, a full lane refuses, a failing task is reported and the rest run. */
public class DeliveryLanesTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @After
    public void stop() {
        executor.shutdownNow();
    }

    @Test
    public void aFullLaneRefusesWhileOtherLanesGoOn() throws Exception {
        DeliveryLanes lanes = new DeliveryLanes(2, executor, (key, e) -> failures.add(key));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        assertTrue(lanes.offer("slow", () -> {
            started.countDown();
            await(release);
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(lanes.offer("slow", () -> {}));
        assertTrue(lanes.offer("slow", () -> {}));
        assertFalse("the third waiting task is refused", lanes.offer("slow", () -> {}));
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
    public void tasksOfALaneRunInOrderAndAFailureStopsNothing() throws Exception {
        DeliveryLanes lanes = new DeliveryLanes(1000, executor, (key, e) -> failures.add(key + ": " + e.getMessage()));
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            if (n != 7) {
                expected.add(n);
            }
            assertTrue(lanes.offer("kb", () -> {
                if (n == 7) {
                    throw new NumberFormatException("For input string: \"abc\"");
                }
                ran.add(n);
            }));
        }
        lanes.offer("kb", done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(expected, ran);
        assertEquals(List.of("kb: For input string: \"abc\""), failures);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
