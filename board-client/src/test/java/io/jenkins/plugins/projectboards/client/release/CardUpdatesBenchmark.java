package io.jenkins.plugins.projectboards.client.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.CardUpdates;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardClient;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCredentials;
import io.jenkins.plugins.projectboards.client.planka.PlankaClient;
import io.jenkins.plugins.projectboards.client.planka.PlankaCredentials;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.client.testing.RigBoards;
import io.jenkins.plugins.projectboards.client.testing.RigServers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.Test;

/**
 * Release tracking at scale: referenced cards, each commented and moved, one line per approach
 * ({@code <approach> cards=N requests=N wall_ms=N}); run with {@code mvn -f board-client/pom.xml -Pbenchmark verify}.
 * It checks that every approach updated every card, never how fast it was: the figures are for reading.
 *
 * <ul>
 *   <li>Against fake servers (MockWebServer) that answer every request after 20 ms: 200 cards, always.
 *   <li>Against the real Kanboard and Planka of the {@code *RigTest}s when their variables are set (CONTRIBUTING.md):
 *       200 and 1,000 cards, each run on a fresh board of its own named after issue 14 ({@link RigBoards}), the lines
 *       ending in {@code -real}. Skipped without the servers.
 * </ul>
 *
 * "per-update" is one request after the other through the neutral calls, as other board plugins do it.
 */
public class CardUpdatesBenchmark {
    private static final int CARDS = 200;
    private static final List<Integer> REAL_CARDS = List.of(200, 1000);
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int PARALLELISM = 8;

    private final OkHttpClient http = new OkHttpClient();

    @Test
    public void kanboardBatched() throws Exception {
        run("kanboard-batched", new FakeBoards.Kanboard(CARDS, LATENCY), (url, updates) ->
                kanboard(url).updateCards(updates, PARALLELISM));
    }

    @Test
    public void kanboardPerUpdate() throws Exception {
        run("kanboard-per-update", new FakeBoards.Kanboard(CARDS, LATENCY), (url, updates) ->
                CardUpdates.perCard(kanboard(url), updates, 1, outcome -> {}));
    }

    @Test
    public void plankaParallel() throws Exception {
        run("planka-parallel", new FakeBoards.Planka(CARDS, LATENCY), (url, updates) ->
                planka(url).updateCards(updates, PARALLELISM));
    }

    @Test
    public void plankaPerUpdate() throws Exception {
        run("planka-per-update", new FakeBoards.Planka(CARDS, LATENCY), (url, updates) ->
                CardUpdates.perCard(planka(url), updates, 1, outcome -> {}));
    }

    /** Both approaches for each size, one after the other, so that the lines of one size sit side by side. */
    @Test
    public void kanboardReal() {
        Optional<RigServers.Kanboard> server = RigServers.kanboard();
        assumeTrue("no real Kanboard in the environment (KanboardRigTest variables)", server.isPresent());
        for (int cards : REAL_CARDS) {
            runReal("kanboard-batched-real", cards, () -> RigBoards.kanboard(server.get(), http, boardName("Kanboard batched", cards), cards),
                    counted -> kanboard(server.get(), counted), client -> updates -> client.updateCards(updates, PARALLELISM));
            runReal("kanboard-per-update-real", cards, () -> RigBoards.kanboard(server.get(), http, boardName("Kanboard per update", cards), cards),
                    counted -> kanboard(server.get(), counted), client -> updates -> CardUpdates.perCard(client, updates, 1, outcome -> {}));
        }
    }

    @Test
    public void plankaReal() {
        Optional<RigServers.Planka> server = RigServers.planka();
        assumeTrue("no real Planka in the environment (PlankaRigTest variables)", server.isPresent());
        for (int cards : REAL_CARDS) {
            runReal("planka-parallel-real", cards, () -> RigBoards.planka(server.get(), http, boardName("Planka parallel", cards), cards),
                    counted -> planka(server.get(), counted), client -> updates -> client.updateCards(updates, PARALLELISM));
            runReal("planka-per-update-real", cards, () -> RigBoards.planka(server.get(), http, boardName("Planka per update", cards), cards),
                    counted -> planka(server.get(), counted), client -> updates -> CardUpdates.perCard(client, updates, 1, outcome -> {}));
        }
    }

    private BoardClient kanboard(String url) {
        return new KanboardClient(url + "/jsonrpc.php", KanboardCredentials.applicationToken("token", "admin"), http, ClientOptions.defaults());
    }

    private BoardClient planka(String url) {
        return new PlankaClient(url, PlankaCredentials.apiKey("key"), http, ClientOptions.defaults());
    }

    /** With the application token (the usual connection); comments are written as the administrator. */
    private static BoardClient kanboard(RigServers.Kanboard server, OkHttpClient counted) {
        return new KanboardClient(server.jsonRpcUrl(), KanboardCredentials.applicationToken(server.apiToken(), server.adminUser()),
                counted, ClientOptions.defaults());
    }

    private static BoardClient planka(RigServers.Planka server, OkHttpClient counted) {
        return new PlankaClient(server.url(), PlankaCredentials.apiKey(server.apiKey()), counted, ClientOptions.defaults());
    }

    private static String boardName(String approach, int cards) {
        return "Issue 14 " + approach + " " + cards + " " + System.currentTimeMillis();
    }

    private static List<CardUpdate> release(List<String> cardIds) {
        return cardIds.stream().map(id -> new CardUpdate(CardRef.id(id), null, "Released in 1.0", "Done")).toList();
    }

    private void run(String approach, FakeBoards fake, BiFunction<String, List<CardUpdate>, List<CardUpdateOutcome>> update) throws Exception {
        List<CardUpdate> updates = release(IntStream.rangeClosed(1, CARDS).mapToObj(String::valueOf).toList());
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fake);
            server.start();
            String url = server.url("/").toString().replaceAll("/$", "");
            long start = System.nanoTime();
            List<CardUpdateOutcome> outcomes = update.apply(url, updates);
            long wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.printf("%s cards=%d requests=%d wall_ms=%d%n", approach, CARDS, fake.requests.size(), wallMillis);
            assertTrue(outcomes.stream().allMatch(CardUpdateOutcome::succeeded));
            assertEquals(CARDS, fake.comments.size());
            IntStream.rangeClosed(1, CARDS).forEach(i -> assertEquals("Done", fake.columnOf(String.valueOf(i))));
        }
    }

    /**
     * Makes a fresh board with {@code cards} cards, then times the release of all of them on a client whose HTTP
     * requests are counted as they go out (retries included); checks that every card was commented and moved.
     */
    private void runReal(String approach, int cards, Supplier<RigBoards.Board> board,
            Function<OkHttpClient, BoardClient> client, Function<BoardClient, Function<List<CardUpdate>, List<CardUpdateOutcome>>> update) {
        RigBoards.Board made = board.get();
        AtomicInteger requests = new AtomicInteger();
        OkHttpClient counted = http.newBuilder().addNetworkInterceptor(chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        BoardClient measured = client.apply(counted);
        long start = System.nanoTime();
        List<CardUpdateOutcome> outcomes = update.apply(measured).apply(release(made.cardIds()));
        long wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.printf("%s cards=%d requests=%d wall_ms=%d%n", approach, cards, requests.get(), wallMillis);
        List<String> failed = outcomes.stream().filter(outcome -> !outcome.succeeded()).map(CardUpdateOutcome::error).limit(3).toList();
        assertEquals("failed updates (first 3): " + failed, 0, outcomes.stream().filter(outcome -> !outcome.succeeded()).count());
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.commented() && outcome.moved() && "Done".equals(outcome.card().column().name())));
    }
}
