package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.Test;

/** Reading a card's details: the exact requests and what the caller gets. */
public class PlankaCardFieldsTest extends PlankaTestSupport {
    private static final BoardRef SMOKE = new BoardRef(BOARD, "Smoke 1795504681/Smoke board");

    @Test
    public void detailsByIdNameTheLabelsFromTheBoard() throws Exception {
        answer("38-cards-show");
        projects();
        answer("39-boards-show");
        CardDetails details = client().cardDetails(CardRef.id(CARD), null).orElseThrow();
        assertEquals(new CardDetails(new Card(Vendor.PLANKA, CARD, "Smoke card", baseUrl() + "/cards/" + CARD, SMOKE,
                new ColumnRef(DOING, "Doing"), null), "Created by **smoke.sh**", List.of("bug"), LocalDate.of(2027, 2, 1),
                null, false), details);
        expect("GET", "/api/cards/" + CARD, null);
        expect("GET", "/api/projects", null);
        expect("GET", "/api/boards/" + BOARD, null);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void detailsByReferenceShowTheMemberAndTheTextWithoutTheMarker() throws Exception {
        json(200, """
                {"items":[],"included":{"cards":[{"id":"9","name":"Deploy","listId":"%s","boardId":"%s",\
                "position":1,"description":"text\\n\\n[//]: # (project-boards-ref: EXT-7)"}]}}""".formatted(TODO, BOARD));
        json(200, """
                {"item":{"id":"9","name":"Deploy","listId":"%s","boardId":"%s","position":1,"isClosed":true,\
                "dueDate":null,"description":"text\\n\\n[//]: # (project-boards-ref: EXT-7)"},\
                "included":{"cardLabels":[],"cardMemberships":[{"id":"m1","cardId":"9","userId":"5"}],\
                "users":[{"id":"4","username":"creator"},{"id":"5","username":"dora"}]}}""".formatted(TODO, BOARD));
        projects();
        answer("39-boards-show");
        CardDetails details = client().cardDetails(CardRef.parse("EXT-7"), SMOKE).orElseThrow();
        assertEquals(new CardDetails(new Card(Vendor.PLANKA, "9", "Deploy", baseUrl() + "/cards/9", SMOKE,
                new ColumnRef(TODO, "Todo"), "EXT-7"), "text", List.of(), null, new UserRef("5", "dora"), true), details);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("GET", "/api/cards/9", null);
        expect("GET", "/api/projects", null);
        expect("GET", "/api/boards/" + BOARD, null);
    }

    @Test
    public void aCardInAClosedListIsClosed() throws Exception {
        String doneList = "1915228966319293542";
        // the recorded card as it is once moved into the board's list of type "closed" (Planka 2 keeps isClosed false)
        json(200, """
                {"item":{"id":"%s","name":"Smoke card","listId":"%s","boardId":"%s","position":1,"isClosed":false},\
                "included":{}}""".formatted(CARD, doneList, BOARD));
        projects();
        answer("39-boards-show");
        CardDetails details = client().cardDetails(CardRef.id(CARD), null).orElseThrow();
        assertEquals(new ColumnRef(doneList, "Done"), details.card().column());
        assertEquals(true, details.closed());
    }

    @Test
    public void anUnknownCardIsEmpty() throws Exception {
        answer("41-error-card-unknown");
        assertEquals(Optional.empty(), client().cardDetails(CardRef.id("1999999999999999999"), null));
        expect("GET", "/api/cards/1999999999999999999", null);
        assertEquals(1, server.getRequestCount());
    }
    @Test
    public void findReadsTheBoardOnceAndFiltersHere() throws Exception {
        answer("39-boards-show");
        answer("39-boards-show");
        PlankaClient client = client();
        List<CardDetails> found = client.findCards(SMOKE, new CardQuery(new ColumnRef(DOING, "Doing"), List.of("BUG"), "smoke", null, 50));
        assertEquals(1, found.size());
        assertEquals(CARD, found.get(0).card().id());
        assertEquals(List.of("bug"), found.get(0).labels());
        assertEquals(new ColumnRef(DOING, "Doing"), found.get(0).card().column());
        assertEquals(List.of(), client.findCards(SMOKE, new CardQuery(new ColumnRef(TODO, "Todo"), List.of(), null, null, 50)));
        expect("GET", "/api/boards/" + BOARD, null);
        expect("GET", "/api/boards/" + BOARD, null);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void updatePatchesTheFieldsKeepingTheMarkerThenLabelsAndMember() throws Exception {
        answer("39-boards-show");
        json(200, "{\"item\":{}}");
        json(200, "{\"item\":{}}");
        json(200, "{\"item\":{}}");
        json(200, "{\"item\":{}}");
        json(200, "{\"item\":{}}");
        String bug = "1915228967711802471";
        CardDetails card = new CardDetails(new Card(Vendor.PLANKA, CARD, "Old", "u", SMOKE, new ColumnRef(DOING, "Doing"), "EXT-7"),
                "old text", List.of("bug"), null, new UserRef("4", "creator"), false);
        CardDetails after = client().updateCard(card, new CardChanges("New", "new text", List.of(), List.of("bug"),
                LocalDate.of(2027, 3, 1), new UserRef("5", "dora")));
        expect("GET", "/api/boards/" + BOARD, null);
        expect("PATCH", "/api/cards/" + CARD, """
                {"name":"New","description":"new text\\n\\n[//]: # (project-boards-ref: EXT-7)","dueDate":"2027-03-01T00:00:00.000Z"}""");
        expect("DELETE", "/api/cards/" + CARD + "/card-labels/labelId:" + bug, null);
        expect("POST", "/api/cards/" + CARD + "/card-memberships", """
                {"userId":"5"}""");
        expect("DELETE", "/api/cards/" + CARD + "/card-memberships/userId:4", null);
        assertEquals(5, server.getRequestCount());
        assertEquals(List.of(), after.labels());
        assertEquals("new text", after.description());
    }

    @Test
    public void anUnknownLabelChangesNothing() throws Exception {
        answer("39-boards-show");
        CardDetails card = new CardDetails(new Card(Vendor.PLANKA, CARD, "Old", "u", SMOKE, new ColumnRef(DOING, "Doing"), null),
                "", List.of(), null, null, false);
        assertThrows(UnknownNameException.class, () -> client().updateCard(card,
                new CardChanges("New", null, List.of("urgent"), List.of(), null, null)));
        expect("GET", "/api/boards/" + BOARD, null);
        assertEquals(1, server.getRequestCount());
    }

    /** A board answer over the cap fails with the cap named, and a search never waits past the call's deadline. */
    @Test
    public void findIsBoundedBySizeAndTime() {
        server.enqueue(new MockResponse().setBody("x".repeat(HttpCore.MAX_BODY_BYTES + 1)));
        MalformedResponseException large = assertThrows(MalformedResponseException.class,
                () -> client().findCards(SMOKE, new CardQuery(null, List.of(), null, null, 50)));
        assertEquals("Planka GET /api/boards/{id} (HTTP 200): the answer is larger than 4 MiB and was not read", large.getMessage());
        PlankaClient slow = new PlankaClient(baseUrl(), PlankaCredentials.apiKey(API_KEY), http,
                options.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        assertThrows(ConnectionException.class, () -> slow.findCards(SMOKE, new CardQuery(null, List.of(), null, null, 50)));
    }
}
