package io.jenkins.plugins.projectboards.client.projectplace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Reading a card's details from the documented card shape: the exact requests and what the caller gets. */
public class ProjectplaceCardFieldsTest extends ProjectplaceTestSupport {
    private static final String URL = "https://service.projectplace.com/#direct/card/18776663";
    private static final BoardRef BOARD = new BoardRef("1358069", "TITLE OF WORKSPACE/Test Board Hooks");

    @Test
    public void detailsOfTheDocumentedCard() throws Exception {
        token("t1", 2592000);
        body("card.json");
        body("board.json");
        CardDetails details = client().cardDetails(CardRef.id("18776663"), null).orElseThrow();
        assertEquals(new CardDetails(new Card(Vendor.PROJECTPLACE, "18776663", "TITLE OF CARD", URL, BOARD,
                new ColumnRef("1", "In progress"), null), "", List.of(), null, null, false), details);
        expectTokenRequest();
        expect("t1", "GET", "/1/cards/18776663", null);
        expect("t1", "GET", "/1/boards/1358069", null);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void detailsNameTheLabelAndAssigneeAndStripTheMarker() throws Exception {
        String card = Fixture.resource("fixtures/projectplace/card.json")
                .replace("\"label_id\": null", "\"label_id\": 12")
                .replace("\"assignee\": null", "\"assignee\": {\"id\": 7, \"name\": \"Ann Example\"}")
                .replace("\"assignee_id\": null", "\"assignee_id\": 7")
                .replace("\"due_date\": null", "\"due_date\": \"2027-01-15\"")
                .replace("\"is_done\": false", "\"is_done\": true")
                .replace("\"description\": \"\"", "\"description\": \"ship it\\n\\n[//]: # (project-boards-ref: EXT-2)\"");
        token("t1", 2592000);
        server.enqueue(Fixture.json(200, card));
        body("board.json");
        CardDetails details = client().cardDetails(CardRef.id("18776663"), null).orElseThrow();
        assertEquals("EXT-2", details.card().reference());
        assertEquals("ship it", details.description());
        assertEquals(List.of("release"), details.labels());
        assertEquals(new UserRef("7", "Ann Example"), details.assignee());
        assertEquals(LocalDate.of(2027, 1, 15), details.due());
        assertEquals(true, details.closed());
    }

    @Test
    public void anUnknownCardIsEmpty() throws Exception {
        token("t1", 2592000);
        json(404, "{\"error\":\"not found\"}");
        assertEquals(Optional.empty(), client().cardDetails(CardRef.id("5"), null));
        expectTokenRequest();
        expect("t1", "GET", "/1/cards/5", null);
    }
    @Test
    public void findReadsTheBoardsCardsAndFiltersHere() throws Exception {
        String card = Fixture.resource("fixtures/projectplace/card.json");
        token("t1", 2592000);
        server.enqueue(Fixture.json(200, "[" + card + "," + card.replace("18776663", "18776664").replace("TITLE OF CARD", "Other") + "]"));
        body("board.json");
        List<CardDetails> found = client().findCards(BOARD, new CardQuery(new ColumnRef("1", "In progress"), List.of(), "title of", null, 50));
        assertEquals(1, found.size());
        assertEquals("18776663", found.get(0).card().id());
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        expect("t1", "GET", "/1/boards/1358069", null);
    }

    @Test
    public void updatePutsOnlyTheChangedFields() throws Exception {
        token("t1", 2592000);
        body("board.json");
        json(200, "{}");
        CardDetails card = new CardDetails(new Card(Vendor.PROJECTPLACE, "18776663", "T", URL, BOARD, new ColumnRef("1", "In progress"),
                "EXT-2"), "", List.of(), null, null, false);
        CardDetails after = client().updateCard(card, new CardChanges(null, "why", List.of("release"), List.of(),
                LocalDate.of(2027, 1, 15), new UserRef("7", "ann@example.com")));
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "PUT", "/1/cards/18776663", """
                {"label_id":12,"description":"why\\n\\n[//]: # (project-boards-ref: EXT-2)","due_date":"2027-01-15","assignee_id":7}""");
        assertEquals(List.of("release"), after.labels());
    }

    @Test
    public void aSecondLabelIsRefusedBeforeAnyRequest() {
        CardDetails card = new CardDetails(new Card(Vendor.PROJECTPLACE, "18776663", "T", URL, BOARD, new ColumnRef("1", "In progress"),
                null), "", List.of("release"), null, null, false);
        ValidationException e = assertThrows(ValidationException.class, () -> client().updateCard(card,
                new CardChanges(null, null, List.of("hotfix"), List.of(), null, null)));
        assertEquals("addLabels", e.field());
        assertEquals(0, server.getRequestCount());
    }
}
