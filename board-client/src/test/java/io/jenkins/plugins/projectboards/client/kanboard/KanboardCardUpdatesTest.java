package io.jenkins.plugins.projectboards.client.kanboard;

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
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/**
 * Kanboard applies many card updates in JSON-RPC batches: find them all (with the look-ups the client has not cached),
 * then write every comment and move; {@code ⌈reads / B⌉ + ⌈writes / B⌉} requests.
 */
public class KanboardCardUpdatesTest extends KanboardTestSupport {
    private static final BoardRef SHOP = new BoardRef("1", "Shop");

    private FakeBoards.Kanboard fake(int cards) {
        FakeBoards.Kanboard fake = new FakeBoards.Kanboard(cards, Duration.ZERO);
        server.setDispatcher(fake);
        return fake;
    }

    @Test
    public void findsInOneBatchAndWritesInAnother() throws Exception {
        FakeBoards.Kanboard fake = fake(3);
        List<CardUpdateOutcome> outcomes = appClient().updateCards(List.of(
                new CardUpdate(CardRef.id("1"), null, "Released in 2.0", "Done"),
                new CardUpdate(CardRef.reference("REF-2"), SHOP, "Released in 2.0", "Done"),
                new CardUpdate(CardRef.id("3"), null, null, "Todo")), 8);
        // One read batch (the projects, the named board's columns and the comment user ride with the finds), one write batch.
        assertEquals(2, server.getRequestCount());
        JsonNode reads = body(take());
        assertEquals(List.of("getAllProjects", "getColumns", "getUserByName", "getTask", "getTaskByReference", "getTask"), methods(reads));
        assertEquals(Json.MAPPER.readTree("""
                {"project_id":1}"""), reads.get(1).get("params"));
        assertEquals(Json.MAPPER.readTree("""
                {"username":"admin"}"""), reads.get(2).get("params"));
        assertEquals(Json.MAPPER.readTree("""
                {"task_id":1}"""), reads.get(3).get("params"));
        assertEquals(Json.MAPPER.readTree("""
                {"project_id":1,"reference":"REF-2"}"""), reads.get(4).get("params"));
        JsonNode writes = body(take());
        assertEquals(4, writes.size());
        assertEquals(Json.MAPPER.readTree("""
                {"task_id":1,"user_id":1,"content":"Released in 2.0"}"""), writes.get(0).get("params"));
        assertEquals(Json.MAPPER.readTree("""
                {"project_id":1,"task_id":1,"column_id":13,"position":%d,"swimlane_id":0}""".formatted(KanboardCards.BOTTOM)),
                writes.get(1).get("params"));
        assertEquals("createComment", writes.get(2).path("method").asText());
        assertEquals("moveTaskPosition", writes.get(3).path("method").asText());
        assertTrue(outcomes.get(0).moved());
        assertEquals("Done", outcomes.get(0).card().column().name());
        assertEquals("Todo", outcomes.get(0).previousColumn());
        assertTrue(outcomes.get(1).commented());
        assertFalse("card 3 is already in Todo", outcomes.get(2).moved());
        assertTrue(outcomes.get(2).succeeded());
        assertEquals("Done", fake.columnOf("2"));
    }

    @Test
    public void missingCardsAndReferencesWithoutABoardFailAloneWithoutWrites() {
        FakeBoards.Kanboard fake = fake(1);
        List<CardUpdateOutcome> outcomes = appClient().updateCards(List.of(
                new CardUpdate(CardRef.id("99"), null, "x", "Done"),
                new CardUpdate(CardRef.reference("REF-1"), null, "x", "Done"),
                new CardUpdate(CardRef.id("1"), null, null, "Shipped")), 8);
        assertEquals("no card '99'", outcomes.get(0).error());
        assertEquals("Kanboard finds a task by reference only within a project: name the board", outcomes.get(1).error());
        assertEquals("Kanboard resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done", outcomes.get(2).error());
        assertFalse(fake.methods().contains("createComment"));
        assertFalse(fake.methods().contains("moveTaskPosition"));
    }

    /** A release as release tracking makes it: cards named by reference on the release's board, commented and moved. */
    @Test
    public void aReleaseMakesExactlyItsReadBatchesAndItsWriteBatches() {
        for (int cards : List.of(200, 1000)) {
            FakeBoards.Kanboard fake = fake(cards);
            List<CardUpdate> updates = new ArrayList<>();
            IntStream.rangeClosed(1, cards).forEach(i -> updates.add(new CardUpdate(CardRef.reference("REF-" + i), SHOP, "r", "Done")));
            List<CardUpdateOutcome> outcomes = appClient().updateCards(updates, 8);
            assertTrue(outcomes.stream().allMatch(CardUpdateOutcome::succeeded));
            int reads = 3 + cards; // projects, the board's columns, the comment user; one find per card
            int writes = 2 * cards; // a comment and a move per card
            assertEquals(ceilDiv(reads, KanboardCardUpdates.CALLS_PER_BATCH) + ceilDiv(writes, KanboardCardUpdates.CALLS_PER_BATCH),
                    fake.requests.size());
            assertEquals(reads + writes, fake.calls.size());
            assertEquals(cards, fake.comments.size());
            assertEquals("Done", fake.columnOf(String.valueOf(cards)));
        }
    }

    /** Named by id without a board, the cards' project is known only once they are read: its columns cost one request more. */
    @Test
    public void cardsNamedByIdAloneCostOneRequestMoreForTheirColumns() {
        FakeBoards.Kanboard fake = fake(200);
        List<CardUpdate> updates = new ArrayList<>();
        IntStream.rangeClosed(1, 200).forEach(i -> updates.add(new CardUpdate(CardRef.id(String.valueOf(i)), null, "r", "Done")));
        List<CardUpdateOutcome> outcomes = appClient().updateCards(updates, 8);
        assertTrue(outcomes.stream().allMatch(CardUpdateOutcome::succeeded));
        int reads = 2 + 200; // projects, the comment user; one getTask per card
        assertEquals(ceilDiv(reads, KanboardCardUpdates.CALLS_PER_BATCH) + 1 + ceilDiv(400, KanboardCardUpdates.CALLS_PER_BATCH),
                fake.requests.size());
        assertEquals(List.of("getColumns"), methods(fake.calls.subList(reads, reads + 1)));
        assertEquals(200, fake.comments.size());
        assertEquals("Done", fake.columnOf("200"));
    }

    @Test
    public void cachedLookUpsAreNotAskedAgain() throws Exception {
        fake(2);
        KanboardClient client = appClient();
        client.updateCards(List.of(new CardUpdate(CardRef.reference("REF-1"), SHOP, "r", "Doing")), 8);
        take();
        take();
        client.updateCards(List.of(new CardUpdate(CardRef.reference("REF-2"), SHOP, "r", "Doing")), 8);
        assertEquals(List.of("getTaskByReference"), methods(body(take())));
        assertEquals(List.of("createComment", "moveTaskPosition"), methods(body(take())));
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void eachCardIsReportedOnceWhenItsLastWriteIsAnswered() {
        int batch = KanboardCardUpdates.CALLS_PER_BATCH;
        int cards = batch + batch / 2;
        FakeBoards.Kanboard fake = fake(cards);
        List<CardUpdate> updates = new ArrayList<>();
        updates.add(new CardUpdate(CardRef.id("404"), null, "r", "Done"));
        IntStream.rangeClosed(1, cards).forEach(i -> updates.add(new CardUpdate(CardRef.id(String.valueOf(i)), null, "r", "Done")));
        List<String> reported = new ArrayList<>();
        List<Integer> requestsSeen = new ArrayList<>();
        appClient().updateCards(updates, 8, outcome -> {
            reported.add(outcome.key());
            requestsSeen.add(fake.requests.size());
        });
        List<String> expected = new ArrayList<>(List.of("404"));
        IntStream.rangeClosed(1, cards).forEach(i -> expected.add(String.valueOf(i)));
        assertEquals(expected, reported);
        // The missing card after 2 read batches (the finds with projects and comment user) and the columns; then 3
        // write batches of B calls, 2 per card: card B/2 ends the first batch, card B the second.
        assertEquals(Integer.valueOf(3), requestsSeen.get(0));
        assertEquals(Integer.valueOf(4), requestsSeen.get(batch / 2));
        assertEquals(Integer.valueOf(5), requestsSeen.get(batch / 2 + 1));
        assertEquals(Integer.valueOf(5), requestsSeen.get(batch));
        assertEquals(Integer.valueOf(6), requestsSeen.get(batch + 1));
        assertEquals(Integer.valueOf(6), requestsSeen.get(cards));
    }

    /** The fake, with the answer to the first write batch lost after Kanboard {@code applied} it (or not). */
    private FakeBoards.Kanboard losingFirstWriteAnswer(boolean applied, boolean staysDown) {
        return replacingFirstWriteAnswer(applied, staysDown, new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }

    private FakeBoards.Kanboard replacingFirstWriteAnswer(boolean applied, boolean staysDown, MockResponse answer) {
        FakeBoards.Kanboard fake = new FakeBoards.Kanboard(2, Duration.ZERO);
        AtomicBoolean lost = new AtomicBoolean();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (lost.get() && staysDown) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
                }
                if (request.getBody().clone().readUtf8().contains("createComment") && lost.compareAndSet(false, true)) {
                    if (applied) {
                        fake.dispatch(request);
                    }
                    return answer;
                }
                return fake.dispatch(request);
            }
        });
        return fake;
    }

    private List<CardUpdateOutcome> releaseCardsOneAndTwo() {
        return appClient().updateCards(List.of(
                new CardUpdate(CardRef.id("1"), null, "Released in 2.0", "Done"),
                new CardUpdate(CardRef.id("2"), null, "Released in 2.0", "Done")), 8);
    }

    /** Skips the read batch and the columns' request; returns the write batch. */
    private JsonNode writeBatch() throws Exception {
        take();
        take();
        return body(take());
    }

    @Test
    public void aLostWriteAnswerIsReadBackAndNothingIsSentTwice() throws Exception {
        FakeBoards.Kanboard fake = losingFirstWriteAnswer(true, false);
        List<CardUpdateOutcome> outcomes = releaseCardsOneAndTwo();
        assertEquals(List.of("createComment", "moveTaskPosition", "createComment", "moveTaskPosition"), methods(writeBatch()));
        JsonNode checks = body(take());
        assertEquals(List.of("getAllComments", "getTask", "getAllComments", "getTask"), methods(checks));
        assertEquals(Json.MAPPER.readTree("""
                {"task_id":2}"""), checks.get(2).get("params"));
        assertEquals(4, server.getRequestCount());
        for (CardUpdateOutcome outcome : outcomes) {
            assertTrue(outcome.error(), outcome.succeeded());
            assertTrue(outcome.commented());
            assertTrue(outcome.moved());
            assertEquals("Done", outcome.card().column().name());
        }
        assertEquals(List.of("Released in 2.0"), fake.comments.get("1"));
        assertEquals(List.of("Released in 2.0"), fake.comments.get("2"));
    }

    @Test
    public void anUnreadableAnswerToAnAppliedWriteIsReadBackToo() throws Exception {
        FakeBoards.Kanboard fake = replacingFirstWriteAnswer(true, false, Fixture.json(200, "<br />\n<b>Warning</b>: session_start()"));
        List<CardUpdateOutcome> outcomes = releaseCardsOneAndTwo();
        writeBatch();
        assertEquals(List.of("getAllComments", "getTask", "getAllComments", "getTask"), methods(body(take())));
        assertEquals(4, server.getRequestCount());
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.succeeded() && outcome.commented() && outcome.moved()));
        assertEquals(List.of("Released in 2.0"), fake.comments.get("2"));
    }

    @Test
    public void aLostWriteAnswerThatLeftNoTraceIsSentOnceMore() throws Exception {
        FakeBoards.Kanboard fake = losingFirstWriteAnswer(false, false);
        List<CardUpdateOutcome> outcomes = releaseCardsOneAndTwo();
        JsonNode lost = writeBatch();
        assertEquals(List.of("getAllComments", "getTask", "getAllComments", "getTask"), methods(body(take())));
        JsonNode again = body(take());
        assertEquals(methods(lost), methods(again));
        for (int i = 0; i < lost.size(); i++) {
            assertEquals(lost.get(i).get("params"), again.get(i).get("params"));
        }
        assertEquals(5, server.getRequestCount());
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.succeeded() && outcome.commented() && outcome.moved()));
        assertEquals(List.of("Released in 2.0"), fake.comments.get("1"));
        assertEquals("Done", fake.columnOf("2"));
    }

    @Test
    public void aLostWriteAnswerWhileKanboardStaysDownFailsEachCardWithoutSendingAgain() throws Exception {
        FakeBoards.Kanboard fake = losingFirstWriteAnswer(false, true);
        List<CardUpdateOutcome> outcomes = releaseCardsOneAndTwo();
        writeBatch();
        for (CardUpdateOutcome outcome : outcomes) {
            assertFalse(outcome.succeeded());
            assertFalse(outcome.commented());
            assertTrue(outcome.error(), outcome.error().startsWith("Kanboard batch of 4 calls: request to "));
            assertTrue(outcome.error(), outcome.error().endsWith("; not retried because it may already have been applied"));
            assertTrue("no answer: an outage, not a verdict on the card", outcome.unreachable());
        }
        assertFalse(fake.methods().contains("createComment"));
        assertEquals("Todo", fake.columnOf("1"));
    }

    private static List<String> methods(Iterable<JsonNode> batch) {
        List<String> methods = new ArrayList<>();
        batch.forEach(call -> methods.add(call.path("method").asText()));
        return methods;
    }

    private static int ceilDiv(int calls, int perBatch) {
        return (calls + perBatch - 1) / perBatch;
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return Json.MAPPER.readTree(request.getBody().readUtf8());
    }
}
