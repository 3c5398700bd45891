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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Test;

/** Kanboard applies many card updates in two JSON-RPC batches: find them all, then write every comment and move. */
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
        // find batch, projects, columns, the comment user, the write batch
        assertEquals(5, server.getRequestCount());
        JsonNode finds = body(take());
        assertEquals(3, finds.size());
        assertEquals("getTask", finds.get(0).path("method").asText());
        assertEquals(Json.MAPPER.readTree("{\"task_id\":1}"), finds.get(0).get("params"));
        assertEquals(Json.MAPPER.readTree("{\"project_id\":1,\"reference\":\"REF-2\"}"), finds.get(1).get("params"));
        assertEquals("getAllProjects", body(take()).path("method").asText());
        assertEquals("getColumns", body(take()).path("method").asText());
        assertEquals(Json.MAPPER.readTree("{\"username\":\"admin\"}"), body(take()).get("params"));
        JsonNode writes = body(take());
        assertEquals(4, writes.size());
        assertEquals(Json.MAPPER.readTree("{\"task_id\":1,\"user_id\":1,\"content\":\"Released in 2.0\"}"), writes.get(0).get("params"));
        assertEquals(Json.MAPPER.readTree("{\"project_id\":1,\"task_id\":1,\"column_id\":13,\"position\":"
                + KanboardCards.BOTTOM + ",\"swimlane_id\":0}"), writes.get(1).get("params"));
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
        assertFalse(fake.calls.contains("createComment"));
        assertFalse(fake.calls.contains("moveTaskPosition"));
    }

    @Test
    public void twoHundredCardsTakeFourBatchesOfAtMostOneHundredCalls() {
        FakeBoards.Kanboard fake = fake(200);
        List<CardUpdate> updates = new ArrayList<>();
        IntStream.rangeClosed(1, 200).forEach(i -> updates.add(new CardUpdate(CardRef.id(String.valueOf(i)), null, "r", "Done")));
        List<CardUpdateOutcome> outcomes = appClient().updateCards(updates, 8);
        assertTrue(outcomes.stream().allMatch(CardUpdateOutcome::succeeded));
        // 2 find batches (200 calls), projects, columns, comment user, 4 write batches (400 calls)
        assertEquals(9, fake.requests.size());
        assertEquals(200, fake.comments.size());
        assertEquals("Done", fake.columnOf("200"));
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return Json.MAPPER.readTree(request.getBody().readUtf8());
    }
}
