package io.jenkins.plugins.projectboards.client.benchmark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.Test;

/**
 * Webhook intake under load: {@value #DELIVERIES} deliveries with {@value #IN_FLIGHT} in flight from one JVM
 * ({@link WebhookLoadGenerator}), after {@value #WARM_UP} not counted. Prints
 * {@code webhook-intake-<where> deliveries=N in_flight=N wall_ms=N per_s=N statuses={202=N} lost=N 5xx=N p50_ms p99_ms max_ms}
 * and {@code webhook-intake-<where>-cpu} ({@link CpuUse}: the target's and the generator's CPU time per delivery, the
 * machine's idle and stolen shares), and, with a process id, the target's resident size before and after.
 *
 * <p>{@link #realEndpoint} targets a Jenkins endpoint when {@code WEBHOOK_INTAKE_URL} (e.g.
 * {@code http://127.0.0.1:18070/project-boards-webhook/planka}) and {@code WEBHOOK_INTAKE_SECRET} (the connection's
 * webhook secret) are set; {@code WEBHOOK_INTAKE_VENDOR} is {@code planka} (default: a Bearer header, Planka's
 * recorded card-move delivery) or {@code kanboard} ({@code ?token=}, Kanboard's recorded task-move delivery);
 * {@code WEBHOOK_INTAKE_PID} names the Jenkins process for the memory figures. It fails when a delivery is lost or
 * answered 5xx. {@link #localStandIn} runs the generator against a plain JDK HTTP server, to show what the generator
 * itself reaches on this machine.
 */
public class WebhookIntakeBenchmark {
    static final int DELIVERIES = 10_000;
    static final int IN_FLIGHT = 32;
    static final int WARM_UP = 500;
    private static final String STAND_IN_SECRET = "stand-in-secret";

    @Test
    public void realEndpoint() throws Exception {
        String url = System.getenv("WEBHOOK_INTAKE_URL");
        String secret = System.getenv("WEBHOOK_INTAKE_SECRET");
        assumeTrue("WEBHOOK_INTAKE_URL and WEBHOOK_INTAKE_SECRET are not set: no endpoint to load",
                url != null && !url.isBlank() && secret != null && !secret.isBlank());
        boolean kanboard = "kanboard".equalsIgnoreCase(System.getenv("WEBHOOK_INTAKE_VENDOR"));
        WebhookLoadGenerator.Target target = kanboard ? WebhookLoadGenerator.Target.kanboard(url, secret)
                : WebhookLoadGenerator.Target.planka(url, secret);
        byte[] body = recordedBody(kanboard ? "fixtures/kanboard/webhook-task.move.column.json"
                : "fixtures/planka/webhook-cardUpdate-move.json");
        long pid = Long.parseLong(Optional.ofNullable(System.getenv("WEBHOOK_INTAKE_PID")).orElse("0").strip());
        WebhookLoadGenerator.run(target, body, WARM_UP, IN_FLIGHT);
        WebhookLoadGenerator.Result result;
        try (ProcessMemory memory = ProcessMemory.watch(pid)) {
            CpuUse cpu = CpuUse.start(pid);
            result = WebhookLoadGenerator.run(target, body, DELIVERIES, IN_FLIGHT);
            System.out.println(result.line("webhook-intake-real"));
            System.out.println(cpu.line("webhook-intake-real-cpu", DELIVERIES));
            System.out.printf("webhook-intake-real target_rss_kb_before=%d target_rss_kb_after=%d%n", memory.startKb(), memory.nowKb());
        }
        assertEquals("deliveries without an answer", 0, result.lost());
        assertEquals("deliveries answered 5xx", 0, result.serverErrors());
        // A refused delivery (403 wrong secret, 400 unparsed body) is answered fast and would flatter the figures.
        assertEquals("deliveries accepted (202): " + result.line("webhook-intake-real"), DELIVERIES, result.answered(202));
    }

    /** What the vendor sent: the {@code json} member of a recorded exchange, not the recording around it. */
    private static byte[] recordedBody(String fixture) throws IOException {
        return Json.MAPPER.readTree(Fixture.resource(fixture)).get("json").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void localStandIn() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext("/project-boards-webhook/planka", exchange -> {
            // As the endpoint: the proof first, then the body, then 202.
            boolean proven = ("Bearer " + STAND_IN_SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            try (InputStream in = exchange.getRequestBody()) {
                if (proven) {
                    in.readAllBytes();
                }
            }
            exchange.sendResponseHeaders(proven ? 202 : 403, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/project-boards-webhook/planka";
            byte[] body = recordedBody("fixtures/planka/webhook-cardUpdate-move.json");
            WebhookLoadGenerator.Target target = WebhookLoadGenerator.Target.planka(url, STAND_IN_SECRET);
            WebhookLoadGenerator.run(target, body, WARM_UP, IN_FLIGHT);
            CpuUse cpu = CpuUse.start(0);
            WebhookLoadGenerator.Result result = WebhookLoadGenerator.run(target, body, DELIVERIES, IN_FLIGHT);
            System.out.println(result.line("webhook-intake-standin"));
            // The stand-in serves from this JVM: its generator figure is the generator and the server together.
            System.out.println(cpu.line("webhook-intake-standin-cpu", DELIVERIES));
            assertEquals(DELIVERIES, result.answered(202));
            assertEquals(0, result.lost());
            assertEquals(DELIVERIES, result.latenciesMicros().length);
            WebhookLoadGenerator.Result refused = WebhookLoadGenerator.run(WebhookLoadGenerator.Target.planka(url, "wrong"), body, 100, IN_FLIGHT);
            assertEquals("a wrong secret is counted as the answer it got", 100, refused.answered(403));
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }
}
