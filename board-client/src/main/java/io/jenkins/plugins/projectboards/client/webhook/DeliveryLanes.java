package io.jenkins.plugins.projectboards.client.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Work for accepted deliveries, one bounded lane per connection: a lane hands what waits in it to its worker in
 * order, a batch of at most {@link #BATCH} at a time, one batch at a time, on a shared executor; lanes run side by
 * side, so a slow or flooded connection holds up only its own. A batch lets the worker do once what every delivery
 * needs (the dispatcher walks the jobs once per batch, not once per delivery), so that a lane drains faster than a
 * busy endpoint fills it. A full lane refuses more ({@link #offer} is false: the endpoint answers 503 and the vendor
 * may retry). A worker that throws is reported to the failure handler and the lane goes on with the next batch.
 *
 * @param <T> what a lane holds: an accepted delivery
 */
public final class DeliveryLanes<T> {
    /** The most a lane hands over at once; then it lets the other lanes have the thread. */
    static final int BATCH = 50;

    private final int capacity;
    private final Executor executor;
    private final BiConsumer<String, List<T>> worker;
    private final BiConsumer<String, RuntimeException> onFailure;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param capacity how many deliveries may wait in one lane
     * @param worker given the lane's key and the next deliveries of that lane, in the order they were offered
     * @param onFailure told the lane's key and the exception of every batch the worker threw on
     */
    public DeliveryLanes(int capacity, Executor executor, BiConsumer<String, List<T>> worker,
            BiConsumer<String, RuntimeException> onFailure) {
        this.capacity = capacity;
        this.executor = executor;
        this.worker = worker;
        this.onFailure = onFailure;
    }

    /** Queues {@code delivery} on the lane of {@code key}; false when that lane is full (nothing was queued). */
    public boolean offer(String key, T delivery) {
        return lanes.computeIfAbsent(key, Lane::new).offer(delivery);
    }

    /**
     * A lane without a lock: request threads offering never wait for the thread draining it (with a monitor, a busy
     * endpoint's 32 request threads kept the one draining thread blocked for a fifth of the time, and the lane filled).
     * {@code scheduled} says whether a run is queued or running; only one is, so batches run one at a time and in order.
     */
    private final class Lane implements Runnable {
        private final String key;
        private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
        /** Deliveries offered and not yet taken: the queue's own size() walks the queue. */
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(String key) {
            this.key = key;
        }

        boolean offer(T delivery) {
            if (count.incrementAndGet() > capacity) {
                count.decrementAndGet();
                return false;
            }
            waiting.add(delivery);
            try {
                schedule();
            } catch (RuntimeException e) { // an executor that was shut down: refuse, and stay usable
                if (waiting.remove(delivery)) {
                    count.decrementAndGet();
                }
                throw e;
            }
            return true;
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this);
                } catch (RuntimeException e) {
                    scheduled.set(false);
                    throw e;
                }
            }
        }

        @Override
        public void run() {
            try {
                List<T> batch = new ArrayList<>();
                for (T delivery; batch.size() < BATCH && (delivery = waiting.poll()) != null; ) {
                    count.decrementAndGet();
                    batch.add(delivery);
                }
                if (!batch.isEmpty()) {
                    worker.accept(key, batch);
                }
            } catch (RuntimeException e) {
                onFailure.accept(key, e);
            } finally {
                scheduled.set(false);
                // A delivery offered while this run was ending found it scheduled and did not schedule one: do it here.
                if (!waiting.isEmpty()) {
                    schedule();
                }
            }
        }
    }
}
