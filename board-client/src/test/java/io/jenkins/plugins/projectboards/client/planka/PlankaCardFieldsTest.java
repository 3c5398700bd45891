package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
}
