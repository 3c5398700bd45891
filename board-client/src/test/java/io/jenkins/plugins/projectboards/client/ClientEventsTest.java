package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.http.HttpEvents;
import io.jenkins.plugins.projectboards.client.planka.PlankaCard;
import io.jenkins.plugins.projectboards.client.planka.PlankaClient;
import io.jenkins.plugins.projectboards.client.planka.PlankaCredentials;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.Before;
import org.junit.Test;

/**
 * The events of whole client operations, over the fake Planka: a lost create recovered or sent again, and parallel
 * card updates whose retries reach the scope of whoever asked for them, whichever pool thread made the call.
 */
public class ClientEventsTest extends MockServerTest {
    private FakeBoards.Planka planka;

    @Before
    public void fakePlanka() {
        planka = new FakeBoards.Planka(6, Duration.ZERO);
        server.setDispatcher(planka);
    }

    private PlankaClient client(ClientOptions clientOptions) {
        return new PlankaClient(baseUrl(), PlankaCredentials.apiKey("planka-api-key"), http, clientOptions);
    }

    @Test
    public void lostCreateFoundByItsReferenceIsTold() {
        RecordingHttpListener events = new RecordingHttpListener();
        planka.loseAnswerOnce("POST /api/lists/51/cards");
        PlankaCard card = client(options.withListener(events)).cards().create("500", "51", "Deploy", null, null, "REL-1", Position.BOTTOM);
        assertEquals("REL-1", card.reference());
        assertEquals(List.of("Planka POST /api/lists/51/cards: lost create found by reference"), events.events);
        assertEquals(1, planka.requests.stream().filter("POST /api/lists/51/cards"::equals).count());
    }

    @Test
    public void lostCreateThatMadeNothingIsToldAndSentAgain() {
        RecordingHttpListener events = new RecordingHttpListener();
        planka.answerOnce("POST /api/lists/51/cards", new MockResponse().setResponseCode(503));
        PlankaCard card = client(options.withListener(events)).cards().create("500", "51", "Deploy", null, null, "REL-2", Position.BOTTOM);
        assertEquals("REL-2", card.reference());
        assertEquals(List.of("Planka POST /api/lists/51/cards: lost create not found, sent again"), events.events);
        assertEquals(2, planka.requests.stream().filter("POST /api/lists/51/cards"::equals).count());
    }

    /** Two callers share one client, as two builds share a connection; each hears only its own card's retry. */
    @Test
    public void parallelCardUpdatesTellTheScopeOfTheCallerFromEveryPoolThread() throws Exception {
        PlankaClient shared = client(options.withListener(HttpEvents.SCOPED));
        shared.resolveBoard("Web");
        // Moves, not reads: a card is found in its board, read once per batch, so the pool threads send comments and moves.
        planka.answerOnce("PATCH /api/cards/2", new MockResponse().setResponseCode(503));
        planka.answerOnce("PATCH /api/cards/5", new MockResponse().setResponseCode(502));
        RecordingHttpListener first = new RecordingHttpListener();
        RecordingHttpListener second = new RecordingHttpListener();
        CompletableFuture<List<CardUpdateOutcome>> firstBuild = CompletableFuture.supplyAsync(() -> updateInScope(shared, first, 1, 2, 3));
        CompletableFuture<List<CardUpdateOutcome>> secondBuild = CompletableFuture.supplyAsync(() -> updateInScope(shared, second, 4, 5, 6));
        assertTrue(firstBuild.get().stream().allMatch(CardUpdateOutcome::succeeded));
        assertTrue(secondBuild.get().stream().allMatch(CardUpdateOutcome::succeeded));
        assertEquals(List.of("Planka PATCH /api/cards/2: answered 503, retry 1/2 in PT0.05S"), first.events);
        assertEquals(List.of("Planka PATCH /api/cards/5: answered 502, retry 1/2 in PT0.05S"), second.events);
    }

    private static List<CardUpdateOutcome> updateInScope(BoardClient client, RecordingHttpListener listener, int... cards) {
        List<CardUpdate> updates = IntStream.of(cards)
                .mapToObj(card -> new CardUpdate(CardRef.id(String.valueOf(card)), null, "Released", "Done")).toList();
        try (HttpEvents.Scope scope = HttpEvents.to(listener)) {
            return client.updateCards(updates, 3);
        }
    }
}
