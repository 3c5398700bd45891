package io.jenkins.plugins.projectboards.client.benchmark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardAnswer;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCall;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardClient;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCredentials;
import io.jenkins.plugins.projectboards.client.testing.RigBoards;
import io.jenkins.plugins.projectboards.client.testing.RigServers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.Test;

/**
 * How large a JSON-RPC batch the real Kanboard takes well: for 50, 100, 250 and 500 calls, the time of a read batch
 * ({@code getTask} per card) and of a write batch (a release comment and a move per card, as release tracking sends
 * them), the calls that failed, and the PHP worker's memory growth while it ran ({@link ProcessMemory}, when
 * {@code KANBOARD_PHP_PID} names the {@code php -S} process). Each figure is the median of {@link #ROUNDS} batches.
 * Prints one line per size and kind:
 * {@code kanboard-batch calls=N kind=read|write median_ms=N ms_per_call=N.NN errors=N php_rss_growth_kb=N}, with the
 * application API token; and one line {@code kind=read-with-password} for a user's password, which Kanboard checks
 * again for every call of a batch.
 * Skips without the {@code KanboardRigTest} variables. {@code KanboardCardUpdates.CALLS_PER_BATCH} is chosen from these
 * figures (docs/performance.md).
 */
public class KanboardBatchSizeBenchmark {
    static final List<Integer> SIZES = List.of(50, 100, 250, 500);
    private static final int ROUNDS = 3;
    /** Small: with a password each call costs a bcrypt check, a few hundred milliseconds on a busy machine. */
    private static final int PASSWORD_BATCH = 20;
    /** As long as a release comment with a few changes listed. */
    private static final String COMMENT = "Released in 1.0 by https://jenkins.example/job/shop/42/ (issue 14 benchmark)\n\n"
            + "* Fix the checkout total when a voucher is applied (#12)\n* Show the delivery date in the order mail (#13)\n"
            + "* Upgrade the payment client to 4.2 (#14)";

    @Test
    public void batchSizes() throws Exception {
        Optional<RigServers.Kanboard> server = RigServers.kanboard();
        assumeTrue("no real Kanboard in the environment (KanboardRigTest variables)", server.isPresent());
        OkHttpClient http = new OkHttpClient();
        int largest = Collections.max(SIZES);
        RigBoards.Board board = RigBoards.kanboard(server.get(), http, "Issue 14 batch sizes " + System.currentTimeMillis(), largest);
        KanboardClient token = new KanboardClient(server.get().jsonRpcUrl(),
                KanboardCredentials.applicationToken(server.get().apiToken(), server.get().adminUser()), http, ClientOptions.defaults());
        String author = token.users().user(server.get().adminUser()).id();
        List<String> columnIds = new ArrayList<>();
        token.batch(List.of(KanboardCall.idempotent("getColumns").with("project_id", Long.parseLong(board.id()))))
                .get(0).resultOrThrow().forEach(column -> columnIds.add(column.path("id").asText()));
        long phpPid = Long.parseLong(Optional.ofNullable(System.getenv("KANBOARD_PHP_PID")).orElse("0").strip());
        long failedCalls = 0;
        for (int size : SIZES) {
            List<KanboardCall> reads = board.cardIds().subList(0, size).stream()
                    .map(id -> KanboardCall.idempotent("getTask").with("task_id", Long.parseLong(id))).toList();
            failedCalls += measure(token, "read", size, phpPid, rounds -> reads);
            failedCalls += measure(token, "write", size, phpPid, rounds -> {
                // Each round moves the cards on to another column, so that every move changes something.
                String column = columnIds.get(1 + rounds % (columnIds.size() - 1));
                List<KanboardCall> writes = new ArrayList<>();
                for (String id : board.cardIds().subList(0, size / 2)) {
                    writes.add(KanboardCall.once("createComment").with("task_id", Long.parseLong(id))
                            .with("user_id", Long.parseLong(author)).with("content", COMMENT));
                    writes.add(KanboardCall.idempotent("moveTaskPosition").with("project_id", Long.parseLong(board.id()))
                            .with("task_id", Long.parseLong(id)).with("column_id", Long.parseLong(column))
                            .with("position", 1).with("swimlane_id", 0));
                }
                return writes;
            });
        }
        // With a user's password, Kanboard checks the password (bcrypt) again for every call of a batch. The project
        // was made with the application token, so the user must first be made a member to read it at all.
        token.batch(List.of(KanboardCall.idempotent("addProjectUser").with("project_id", Long.parseLong(board.id()))
                .with("user_id", Long.parseLong(author)).with("role", "project-member"))).get(0).resultOrThrow();
        KanboardClient password = new KanboardClient(server.get().jsonRpcUrl(),
                KanboardCredentials.user(server.get().adminUser(), server.get().adminPassword()), http, ClientOptions.defaults());
        List<KanboardCall> reads = board.cardIds().subList(0, PASSWORD_BATCH).stream()
                .map(id -> KanboardCall.idempotent("getTask").with("task_id", Long.parseLong(id))).toList();
        failedCalls += measure(password, "read-with-password", PASSWORD_BATCH, phpPid, rounds -> reads);
        assertEquals("calls that failed (see the lines above)", 0, failedCalls);
    }

    /** Prints the median of {@link #ROUNDS} batches; returns the calls that failed. */
    private static long measure(KanboardClient client, String kind, int size, long phpPid,
            java.util.function.IntFunction<List<KanboardCall>> batchOfRound) throws InterruptedException {
        List<Long> millis = new ArrayList<>();
        long errors = 0;
        long growthKb = -1;
        for (int round = 0; round < ROUNDS; round++) {
            List<KanboardCall> calls = batchOfRound.apply(round);
            long start = System.nanoTime();
            try (ProcessMemory memory = ProcessMemory.watch(phpPid)) {
                try {
                    errors += client.batch(calls).stream().filter(KanboardAnswer::failed).count();
                } catch (RuntimeException whole) {
                    errors += calls.size();
                    System.out.println("kanboard-batch calls=" + calls.size() + " kind=" + kind + " failed: " + whole.getMessage());
                }
                millis.add((System.nanoTime() - start) / 1_000_000);
                memory.close();
                growthKb = Math.max(growthKb, memory.peakGrowthKb());
            }
        }
        Collections.sort(millis);
        long median = millis.get(millis.size() / 2);
        System.out.printf("kanboard-batch calls=%d kind=%s median_ms=%d ms_per_call=%.2f errors=%d php_rss_growth_kb=%d%n",
                size, kind, median, (double) median / size, errors, growthKb);
        return errors;
    }
}
