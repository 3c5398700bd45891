package io.jenkins.plugins.projectboards.client.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.Test;

/**
 * Release tracking at scale: 200 referenced cards, each commented and moved, against fake servers that answer every
 * request after 20 ms. Prints one line per approach; run with {@code mvn -f board-client/pom.xml -Pbenchmark verify}.
 * It checks that every approach updated every card, never how fast it was: the figures are for reading.
 */
public class CardUpdatesBenchmark {
    private static final int CARDS = 200;
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

    private BoardClient kanboard(String url) {
        return new KanboardClient(url + "/jsonrpc.php", KanboardCredentials.applicationToken("token", "admin"), http, ClientOptions.defaults());
    }

    private BoardClient planka(String url) {
        return new PlankaClient(url, PlankaCredentials.apiKey("key"), http, ClientOptions.defaults());
    }

    private void run(String approach, FakeBoards fake, BiFunction<String, List<CardUpdate>, List<CardUpdateOutcome>> update) throws Exception {
        List<CardUpdate> updates = IntStream.rangeClosed(1, CARDS)
                .mapToObj(i -> new CardUpdate(CardRef.id(String.valueOf(i)), null, "Released in 1.0", "Done"))
                .toList();
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
}
