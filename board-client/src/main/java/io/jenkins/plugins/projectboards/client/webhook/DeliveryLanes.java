package io.jenkins.plugins.projectboards.client.webhook;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Work for accepted deliveries, one bounded lane per connection: a lane runs its tasks in order, one at a time, on a
 * shared executor; lanes run side by side, so a slow or flooded connection holds up only its own. A full lane
 * refuses more ({@link #offer} is false: the endpoint answers 503 and the vendor may retry). A task that throws is
 * reported to the failure handler and the lane goes on.
 */
public final class DeliveryLanes {
    /** How many tasks a lane runs before it lets the other lanes have the thread. */
    private static final int BATCH = 50;

    private final int capacity;
    private final Executor executor;
    private final BiConsumer<String, RuntimeException> onFailure;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param capacity how many tasks may wait in one lane
     * @param onFailure told the lane's key and the exception of every task that threw
     */
    public DeliveryLanes(int capacity, Executor executor, BiConsumer<String, RuntimeException> onFailure) {
        this.capacity = capacity;
        this.executor = executor;
        this.onFailure = onFailure;
    }

    /** Queues {@code task} on the lane of {@code key}; false when that lane is full (nothing was queued). */
    public boolean offer(String key, Runnable task) {
        return lanes.computeIfAbsent(key, Lane::new).offer(task);
    }

    private final class Lane implements Runnable {
        private final String key;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean scheduled;

        Lane(String key) {
            this.key = key;
        }

        synchronized boolean offer(Runnable task) {
            if (tasks.size() >= capacity) {
                return false;
            }
            tasks.add(task);
            if (!scheduled) {
                scheduled = true;
                try {
                    executor.execute(this);
                } catch (RuntimeException e) { // an executor that was shut down: refuse, and stay usable
                    scheduled = false;
                    tasks.removeLast();
                    throw e;
                }
            }
            return true;
        }

        private synchronized Runnable next(int done) {
            Runnable task = done < BATCH ? tasks.poll() : null;
            if (task == null) {
                scheduled = !tasks.isEmpty();
                if (scheduled) {
                    executor.execute(this);
                }
            }
            return task;
        }

        @Override
        public void run() {
            Runnable task;
            for (int done = 0; (task = next(done)) != null; done++) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    onFailure.accept(key, e);
                }
            }
        }
    }
}
