package io.jenkins.plugins.projectboards.client.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load for the webhook endpoint from one JVM: {@code deliveries} POSTs of one delivery body, never more than
 * {@code inFlight} unanswered at a time, over the JDK's HTTP client (HTTP/1.1, kept-alive connections, as a board's
 * webhook sender makes them). Each delivery is timed from sending to its answer's last byte. A delivery that gets no
 * answer (reset, timeout) is lost; the answers are counted by status.
 *
 * <p>The target proves its deliveries as the vendor does ({@link Target}); the secret goes only into that header or
 * query and is never printed.
 */
final class WebhookLoadGenerator {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private WebhookLoadGenerator() {}

    /** Where the deliveries go, and how each proves itself (docs/webhooks.md, "The endpoint"). */
    record Target(URI url, String authorization, String shown) {
        /** Planka: {@code Authorization: Bearer <secret>}. */
        static Target planka(String endpoint, String secret) {
            return new Target(URI.create(endpoint), "Bearer " + secret, endpoint);
        }

        /** Kanboard: {@code ?token=<secret>} on the URL. */
        static Target kanboard(String endpoint, String secret) {
            return new Target(URI.create(endpoint + "?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)), null, endpoint);
        }

        @Override
        public String toString() {
            return "Target[" + shown + "]";
        }
    }

    /**
     * What a run came to.
     *
     * @param statuses answer status → how many deliveries got it
     * @param lost deliveries that got no answer
     * @param latenciesMicros each answered delivery's time from sending to its answer, sorted
     */
    record Result(int deliveries, int inFlight, long wallMillis, Map<Integer, Integer> statuses, int lost, long[] latenciesMicros) {
        double perSecond() {
            return deliveries * 1000.0 / Math.max(1, wallMillis);
        }

        int answered(int status) {
            return statuses.getOrDefault(status, 0);
        }

        int serverErrors() {
            return statuses.entrySet().stream().filter(entry -> entry.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        /** The latency below which {@code percent} of the answered deliveries stayed, in microseconds. */
        long percentileMicros(double percent) {
            if (latenciesMicros.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(percent / 100 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(latenciesMicros.length - 1, index))];
        }

        /** One line: {@code <name> deliveries=N in_flight=N wall_ms=N per_s=N statuses={..} lost=N 5xx=N p50_ms=N.N p99_ms=N.N max_ms=N.N}. */
        String line(String name) {
            return String.format(java.util.Locale.ROOT,
                    "%s deliveries=%d in_flight=%d wall_ms=%d per_s=%.0f statuses=%s lost=%d 5xx=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                    name, deliveries, inFlight, wallMillis, perSecond(), statuses, lost, serverErrors(),
                    percentileMicros(50) / 1000.0, percentileMicros(99) / 1000.0, percentileMicros(100) / 1000.0);
        }
    }

    static Result run(Target target, byte[] body, int deliveries, int inFlight) throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "webhook-load");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(ANSWER_TIMEOUT).build();
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(deliveries);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger lost = new AtomicInteger();
        long[] latencies = new long[deliveries];
        Arrays.fill(latencies, -1);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < deliveries; i++) {
                slots.acquire();
                int delivery = i;
                long sent = System.nanoTime();
                client.sendAsync(request(target, body), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    if (failure != null) {
                        lost.incrementAndGet();
                    } else {
                        latencies[delivery] = (System.nanoTime() - sent) / 1000;
                        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                    }
                    slots.release();
                    done.countDown();
                });
            }
            done.await();
        } finally {
            callbacks.shutdownNow();
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        // The latch's count-down happens after each write to latencies, so every answered slot is visible here.
        long[] answered = Arrays.stream(latencies).filter(micros -> micros >= 0).sorted().toArray();
        return new Result(deliveries, inFlight, wallMillis, counted, lost.get(), answered);
    }

    private static HttpRequest request(Target target, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.authorization() != null) {
            request.header("Authorization", target.authorization());
        }
        return request.build();
    }
}
