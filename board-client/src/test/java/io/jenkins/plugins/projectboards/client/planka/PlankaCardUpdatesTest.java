package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Test;

/**
 * Many card updates over Planka's REST API: one card at a time or several in parallel, each failing alone; a comment
 * and a move per card, and one read per board.
 */
public class PlankaCardUpdatesTest extends PlankaTestSupport {
    private static final BoardRef WEB = new BoardRef("500", "Shop/Web");

    private FakeBoards.Planka fake(int cards) {
        FakeBoards.Planka fake = new FakeBoards.Planka(cards, Duration.ZERO);
        server.setDispatcher(fake);
        return fake;
    }

    @Test
    public void eachCardIsFoundCommentedAndMovedWithOneBoardLookup() {
        FakeBoards.Planka fake = fake(2);
        List<CardUpdateOutcome> outcomes = client().updateCards(List.of(
                new CardUpdate(CardRef.id("1"), null, "Released in 1.4", "Done"),
                new CardUpdate(CardRef.id("2"), null, "Released in 1.4", "Done")), 1);
        // The first card is read for its board; the board, read once, finds the second card and gives both bottom
        // positions; then a comment and a move per card.
        assertEquals(List.of("GET /api/cards/1", "GET /api/boards/500", "GET /api/projects", "POST /api/cards/1/comments",
                "PATCH /api/cards/1", "POST /api/cards/2/comments", "PATCH /api/cards/2"), fake.requests);
        for (CardUpdateOutcome outcome : outcomes) {
            assertTrue(outcome.succeeded());
            assertTrue(outcome.commented());
            assertTrue(outcome.moved());
            assertEquals("Todo", outcome.previousColumn());
            assertEquals("Done", outcome.card().column().name());
        }
        assertEquals(List.of("Released in 1.4"), fake.comments.get("2"));
        assertEquals("Done", fake.columnOf("1"));
    }

    /**
     * Cards whose id and board the release knows: the board read once finds them all and gives the bottom positions,
     * then a comment and a move per card, however many go out in parallel.
     */
    @Test
    public void twoHundredKnownCardsCostTwoRequestsEachAndOneBoardRead() throws Exception {
        FakeBoards.Planka fake = fake(200);
        List<CardUpdate> updates = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> new CardUpdate(CardRef.id(String.valueOf(i)), WEB, "Released in 1.4", "Done")).toList();
        List<CardUpdateOutcome> outcomes = client().updateCards(updates, 8);
        assertTrue(outcomes.stream().allMatch(CardUpdateOutcome::succeeded));
        assertEquals(2 * 200 + 1, fake.requests.size());
        assertEquals(List.of("GET /api/boards/500"), fake.requests.stream().filter(line -> line.startsWith("GET ")).toList());
        assertEquals(200, fake.requests.stream().filter(line -> line.matches("POST /api/cards/\\d+/comments")).count());
        assertEquals(200, fake.requests.stream().filter(line -> line.matches("PATCH /api/cards/\\d+")).count());
        // Done was empty: the cards take the positions one gap apart from its first, each once, whatever thread sent it.
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < fake.requests.size(); i++) {
            RecordedRequest request = take();
            if (request.getMethod().equals("PATCH")) {
                JsonNode body = Json.MAPPER.readTree(request.getBody().readUtf8());
                assertEquals("53", body.path("listId").asText());
                positions.add(body.path("position").asLong());
            }
        }
        assertEquals(LongStream.rangeClosed(1, 200).map(k -> k * 65536).boxed().toList(), positions.stream().sorted().toList());
        assertEquals("Done", outcomes.get(199).card().column().name());
        assertEquals("Shop/Web", outcomes.get(199).card().board().name());
        IntStream.rangeClosed(1, 200).forEach(i -> assertEquals("Done", fake.columnOf(String.valueOf(i))));
    }

    /** Named by id alone: the first card is read for its board, the board once, its name once; the rest as above. */
    @Test
    public void cardsNamedByIdAloneCostThreeReadsInAll() {
        FakeBoards.Planka fake = fake(200);
        List<CardUpdate> updates = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> new CardUpdate(CardRef.id(String.valueOf(i)), null, "Released in 1.4", "Done")).toList();
        assertTrue(client().updateCards(updates, 8).stream().allMatch(CardUpdateOutcome::succeeded));
        assertEquals(List.of("GET /api/cards/1", "GET /api/boards/500", "GET /api/projects"),
                fake.requests.stream().filter(line -> line.startsWith("GET ")).toList());
        assertEquals(2 * 200 + 3, fake.requests.size());
    }

    /** Below the cards already in the list, in the order the cards were moved. */
    @Test
    public void movedCardsGoBelowTheListsBottomInOrder() throws Exception {
        FakeBoards.Planka fake = fake(3);
        client().updateCards(List.of(new CardUpdate(CardRef.id("1"), WEB, null, "Doing")), 1);
        fake.requests.clear();
        for (int i = 0; i < 2; i++) {
            take();
        }
        client().updateCards(List.of(new CardUpdate(CardRef.id("2"), WEB, null, "Doing"),
                new CardUpdate(CardRef.id("3"), WEB, null, "Doing")), 1);
        assertEquals(List.of("GET /api/boards/500", "PATCH /api/cards/2", "PATCH /api/cards/3"), fake.requests);
        take();
        // Card 1 is in Doing at the fake's position 65536: the next two go one and two gaps below it.
        assertEquals(Json.MAPPER.readTree("""
                {"listId":"52","position":131072}"""), Json.MAPPER.readTree(take().getBody().readUtf8()));
        assertEquals(Json.MAPPER.readTree("""
                {"listId":"52","position":196608}"""), Json.MAPPER.readTree(take().getBody().readUtf8()));
    }

    @Test
    public void aMissingCardFailsAloneAndACardAlreadyThereIsNotMoved() {
        FakeBoards.Planka fake = fake(2);
        client().updateCards(List.of(new CardUpdate(CardRef.id("2"), null, null, "Doing")), 1);
        fake.requests.clear();
        List<CardUpdateOutcome> outcomes = client().updateCards(List.of(
                new CardUpdate(CardRef.id("404"), null, "x", "Doing"),
                new CardUpdate(CardRef.id("2"), null, null, "Doing")), 1);
        assertFalse(outcomes.get(0).succeeded());
        assertEquals("no card '404'", outcomes.get(0).error());
        assertEquals("404", outcomes.get(0).key());
        assertTrue(outcomes.get(1).succeeded());
        assertFalse("already in Doing", outcomes.get(1).moved());
        assertEquals(List.of("GET /api/cards/404", "GET /api/cards/2"), fake.requests.subList(0, 2));
        assertEquals(2 + 2, fake.requests.size()); // the new client looks up projects and the board once
    }

    @Test
    public void anUnknownColumnFailsTheCardAfterItsCommentAndSaysWhichColumnsExist() {
        fake(1);
        CardUpdateOutcome outcome = client().updateCards(List.of(new CardUpdate(CardRef.id("1"), null, "hello", "Shipped")), 1).get(0);
        assertTrue(outcome.commented());
        assertEquals("Planka resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done", outcome.error());
    }

    @Test
    public void parallelUpdatesGiveTheSameOutcomesInTheSameOrder() {
        FakeBoards.Planka fake = fake(30);
        List<CardUpdate> updates = new ArrayList<>();
        IntStream.rangeClosed(1, 30).forEach(i -> updates.add(new CardUpdate(CardRef.id(String.valueOf(i)), null, "c" + i, "Doing")));
        updates.add(new CardUpdate(CardRef.reference("REL-9"), new BoardRef("500", "Shop/Web"), "c", "Doing"));
        List<CardUpdateOutcome> outcomes = client().updateCards(updates, 8);
        assertEquals(31, outcomes.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(String.valueOf(i + 1), outcomes.get(i).card().id());
            assertTrue(outcomes.get(i).moved());
            assertEquals(List.of("c" + (i + 1)), fake.comments.get(String.valueOf(i + 1)));
        }
        assertFalse(outcomes.get(30).succeeded());
        assertEquals(30, fake.requests.stream().filter(line -> line.startsWith("PATCH ")).count());
    }

    /** The fake also creates cards, so the plugin's tests can run createTask against it. */
    @Test
    public void theFakeCreatesCardsAndFindsThemByReference() {
        FakeBoards.Planka fake = fake(0);
        io.jenkins.plugins.projectboards.client.ops.BoardOperations operations =
                new io.jenkins.plugins.projectboards.client.ops.BoardOperations(client(), "Shop/Web");
        io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest request = new io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest(
                null, "Doing", "Deploy 7", null, List.of(), null, null, "REL-7", false);
        java.util.Map<String, Object> created = operations.createTask(request).toMap();
        assertEquals(true, created.get("created"));
        assertEquals("Doing", created.get("column"));
        assertEquals("Doing", fake.columnOf((String) created.get("id")));
        java.util.Map<String, Object> again = operations.createTask(request).toMap();
        assertEquals(false, again.get("created"));
        assertEquals(created.get("id"), again.get("id"));
        assertEquals(1, fake.requests.stream().filter(line -> line.startsWith("POST /api/lists/")).count());
    }

    @Test
    public void theFakeKeepsWebhooksSoAnIdenticalOneIsReused() {
        FakeBoards.Planka fake = fake(0);
        assertTrue(client().subscribeWebhook(null, "https://ci.example/hook", List.of("cardUpdate"), "s").created());
        assertFalse(client().subscribeWebhook(null, "https://ci.example/hook", List.of("cardUpdate"), "s").created());
        assertEquals(1, fake.webhooks.size());
        assertEquals("s", fake.webhooks.get(0).path("accessToken").asText());
        assertFalse("a rotated secret updates the webhook", client().subscribeWebhook(null, "https://ci.example/hook", List.of("cardUpdate"), "s2").created());
        assertEquals(1, fake.webhooks.size());
        assertEquals("s2", fake.webhooks.get(0).path("accessToken").asText());
    }

    @Test
    public void progressHearsEachCardOnceAfterItsMove() {
        FakeBoards.Planka fake = fake(20);
        List<CardUpdate> updates = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> updates.add(new CardUpdate(CardRef.id(String.valueOf(i)), null, "r", "Done")));
        List<String> reported = new ArrayList<>();
        client().updateCards(updates, 8, outcome -> {
            assertTrue(fake.requests.contains("PATCH /api/cards/" + outcome.key()));
            reported.add(outcome.key());
        });
        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).sorted().toList(), reported.stream().sorted().toList());
    }
}
