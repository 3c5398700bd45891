package io.jenkins.plugins.projectboards.client.benchmark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.planka.PlankaClient;
import io.jenkins.plugins.projectboards.client.planka.PlankaCredentials;
import io.jenkins.plugins.projectboards.client.testing.RigBoards;
import io.jenkins.plugins.projectboards.client.testing.RigServers;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.Test;

/**
 * The client alone, for the step-overhead measurement (docs/performance.md, "Step overhead"): {@value #COMMENTS}
 * comments on one card of the real Planka, one after the other, as {@value #COMMENTS} {@code commentOnTask} steps send
 * them, timed without Jenkins. Compared with a Pipeline's {@code per_step_ms} run minutes apart it differs by the
 * server's own drift (40-170 ms per call on the rig); the overhead is read from the paired rounds of
 * {@code docs/benchmarks/step-overhead.groovy} instead, and this benchmark pins what a step does in the library.
 * Prints two lines:
 *
 * <ul>
 *   <li>{@code planka-comment-ops-real}: what one step does in the library ({@link BoardOperations#commentOnTask}:
 *       find the card by id, comment);
 *   <li>{@code planka-comment-direct-real}: the comment requests alone, on a card found once.
 * </ul>
 *
 * Each line: {@code calls=N requests=N wall_ms=N per_call_ms=N.N}, after {@value #WARM_UP} calls not counted. Skips
 * without the {@code PlankaRigTest} variables.
 */
public class StepOverheadBenchmark {
    static final int COMMENTS = 100;
    static final int WARM_UP = 10;

    @Test
    public void commentsWithoutJenkins() {
        Optional<RigServers.Planka> server = RigServers.planka();
        assumeTrue("no real Planka in the environment (PlankaRigTest variables)", server.isPresent());
        OkHttpClient http = new OkHttpClient();
        RigBoards.Board board = RigBoards.planka(server.get(), http, "Issue 14 step overhead " + System.currentTimeMillis(), 1);
        String cardId = board.cardIds().get(0);
        AtomicInteger requests = new AtomicInteger();
        OkHttpClient counted = http.newBuilder().addNetworkInterceptor(chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        BoardClient client = new PlankaClient(server.get().url(), PlankaCredentials.apiKey(server.get().apiKey()), counted, ClientOptions.defaults());
        BoardOperations operations = new BoardOperations(client, board.name());

        for (int i = 0; i < WARM_UP; i++) {
            operations.commentOnTask(new CommentRequest(cardId, "Step overhead warm-up " + i, null, false));
        }
        requests.set(0);
        long start = System.nanoTime();
        for (int i = 0; i < COMMENTS; i++) {
            operations.commentOnTask(new CommentRequest(cardId, "Step overhead (library) " + i, null, false));
        }
        print("planka-comment-ops-real", requests.get(), System.nanoTime() - start);
        assertEquals("a step finds the card and comments: two requests", 2 * COMMENTS, requests.get());

        Card card = client.findCard(CardRef.id(cardId), null).orElseThrow();
        requests.set(0);
        start = System.nanoTime();
        for (int i = 0; i < COMMENTS; i++) {
            client.comment(card, "Step overhead (direct) " + i);
        }
        print("planka-comment-direct-real", requests.get(), System.nanoTime() - start);
        assertEquals(COMMENTS, requests.get());
    }

    private static void print(String name, int requests, long nanos) {
        long wallMillis = nanos / 1_000_000;
        System.out.printf(Locale.ROOT, "%s calls=%d requests=%d wall_ms=%d per_call_ms=%.1f%n", name, COMMENTS, requests, wallMillis,
                (double) wallMillis / COMMENTS);
    }
}
