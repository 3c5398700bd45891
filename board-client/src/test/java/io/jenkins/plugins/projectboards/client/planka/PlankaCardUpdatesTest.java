package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

/** Many card updates over Planka's REST API: one card at a time or several in parallel, each failing alone. */
public class PlankaCardUpdatesTest extends PlankaTestSupport {

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
        // The board is read once for its lists; each move reads it again for the target list's current bottom position.
        assertEquals(List.of("GET /api/cards/1", "GET /api/projects", "GET /api/boards/500", "POST /api/cards/1/comments",
                "GET /api/boards/500", "PATCH /api/cards/1", "GET /api/cards/2", "POST /api/cards/2/comments",
                "GET /api/boards/500", "PATCH /api/cards/2"), fake.requests);
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
