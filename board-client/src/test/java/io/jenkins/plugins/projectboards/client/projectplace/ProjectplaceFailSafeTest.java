package io.jenkins.plugins.projectboards.client.projectplace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/**
 * Issue 16: where Projectplace's published material says nothing, the client fails safe: a board's list without
 * descriptions, a create answer without {@code column_id} or id, a time in another format, a person without an id,
 * a move nobody serves. Each refusal is typed and names what is missing; nothing is created twice.
 */
public class ProjectplaceFailSafeTest extends ProjectplaceTestSupport {
    private static final BoardRef BOARD = new BoardRef("1358069", "TITLE OF WORKSPACE/Test Board Hooks");
    private static final ProjectplaceBoard TARGET = new ProjectplaceBoard("1358069", "Test Board Hooks", "663309443",
            "TITLE OF WORKSPACE", List.of(), List.of());
    private static final String URL = "https://service.projectplace.com/#direct/card/18776663";

    private static String card() {
        return Fixture.resource("fixtures/projectplace/card.json");
    }

    /** The documented card as another card {@code id} that carries a reference in its description. */
    private static String cardWithReference(String id, String reference) {
        return card().replace("18776663", id).replace("\"description\": \"\"",
                "\"description\": \"[//]: # (project-boards-ref: " + reference + ")\"");
    }

    @Test
    public void aReferenceIsLookedForInTheListedCardsWithoutDescriptionOneByOne() throws Exception {
        token("t1", 2592000);
        // The documented card (its description carries no reference) and a card listed as a Planview engineer's tool reads it.
        json(200, "[" + card() + ", {\"id\": 18776664, \"title\": \"Other card\", \"column_id\": 0}]");
        json(200, cardWithReference("18776664", "REL-9"));
        body("board.json");
        Card found = client().findCard(CardRef.reference("REL-9"), BOARD).orElseThrow();
        assertEquals("18776664", found.id());
        assertEquals("REL-9", found.reference());
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        expect("t1", "GET", "/1/cards/18776664", null);
        expect("t1", "GET", "/1/boards/1358069", null);
        assertEquals("the listed card with a description is not read again", 4, server.getRequestCount());
    }

    @Test
    public void moreCardsWithoutDescriptionThanTheBoundRefuseTheLookAndCreateNothing() throws Exception {
        StringBuilder slim = new StringBuilder("[");
        for (int i = 0; i <= ProjectplaceCardReader.MAX_READS; i++) {
            slim.append(i == 0 ? "" : ",").append("{\"id\": %d, \"title\": \"Card %d\", \"column_id\": 1}".formatted(20000000 + i, i));
        }
        token("t1", 2592000);
        body("board.json");
        json(200, slim.append("]").toString());
        ApiException e = assertThrows(ApiException.class, () -> new BoardOperations(client(), "1358069").createTask(
                new CreateTaskRequest(null, "In progress", "Deploy", null, List.of(), null, null, "REL-9", false)));
        assertEquals("Projectplace GET /1/boards/{id}/cards (HTTP 200): the board's card list gives 51 cards without"
                + " description, more than the 50 read one by one: the look is refused, because one that skipped them could"
                + " miss a card and create it twice", e.getMessage());
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        assertEquals("no card read, none created", 3, server.getRequestCount());
    }

    @Test
    public void findCardsReadsOnlyTheListedCardsThatMayMatch() throws Exception {
        token("t1", 2592000);
        body("board-cards-slim.json");
        body("card.json");
        body("board.json");
        List<CardDetails> found = client().findCards(BOARD, new CardQuery(new ColumnRef("1", "In progress"), List.of(), null, null, 50));
        assertEquals(List.of("18776663"), found.stream().map(details -> details.card().id()).toList());
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        expect("t1", "GET", "/1/cards/18776663", null);
        expect("t1", "GET", "/1/boards/1358069", null);
        assertEquals("the card in another column is not read", 4, server.getRequestCount());
    }

    @Test
    public void aCreateAnswerWithoutColumnIdIsTheCardThatWasSent() throws Exception {
        token("t1", 2592000);
        json(200, """
                {"id": 18776700, "title": "Deploy"}""");
        ProjectplaceCard made = client().cards().create(TARGET, "1", "Deploy", "Built", null, null, null, "REL-9");
        assertEquals(new ProjectplaceCard("18776700", "Deploy", "Built\n\n[//]: # (project-boards-ref: REL-9)", "1358069", "1", null,
                null, null), made);
        assertEquals("REL-9", made.reference());
        expectTokenRequest();
        expect("t1", "POST", "/1/projects/663309443/cards/create-new", """
                {"title":"Deploy","board_id":1358069,"column_id":1,"description":"Built\\n\\n[//]: # (project-boards-ref: REL-9)"}""");
        assertEquals("nothing looked up, nothing sent again", 2, server.getRequestCount());
    }

    @Test
    public void aCreateAnswerThatNamesNoCardIsLookedUpLikeALostOne() throws Exception {
        RecordingHttpListener events = new RecordingHttpListener();
        ProjectplaceClient client = new ProjectplaceClient(baseUrl(), new ProjectplaceCredentials(CLIENT_ID, CLIENT_SECRET), http,
                options.withListener(events));
        token("t1", 2592000);
        json(200, "{}");
        json(200, "[" + cardWithReference("18776663", "REL-9") + "]");
        assertEquals("18776663", client.cards().create(TARGET, "1", "TITLE OF CARD", null, null, null, null, "REL-9").id());
        expectTokenRequest();
        take();
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        assertEquals(List.of("Projectplace POST /1/projects/{id}/cards/create-new: lost create found by reference"), events.events);
    }

    @Test
    public void aCreateAnswerThatIsNotJsonAndNoCardFoundIsReportedNotSentAgain() throws Exception {
        token("t1", 2592000);
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("OK"));
        json(200, "[]");
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> client().cards().create(TARGET, "1", "Deploy", null, null, null, null, null));
        assertEquals("Projectplace POST /1/projects/{id}/cards/create-new (HTTP 200): Projectplace accepted the card but its"
                + " answer does not name it, and the board has no card titled 'Deploy' made since the create began; it was not"
                + " sent again", e.getMessage());
        expectTokenRequest();
        expect("t1", "POST", "/1/projects/663309443/cards/create-new", """
                {"title":"Deploy","board_id":1358069,"column_id":1}""");
        expect("t1", "GET", "/1/boards/1358069/cards", null);
        assertEquals(3, server.getRequestCount());
    }

    /** A lost create found by title although the listing writes times another way; an unreadable time is no error. */
    @Test
    public void aLostCreateIsFoundByTitleWhateverTheTimeFormat() throws Exception {
        token("t1", 2592000);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        String unreadable = card().replace("18776663", "18776660").replace("2023-06-28 13:49:31Z", "last Tuesday");
        String iso = card().replace("2023-06-28 13:49:31Z", "2026-11-24T13:00:05+01:00");
        json(200, "[" + unreadable + "," + iso + "]");
        ProjectplaceCard made = client().cards().create(TARGET, "1", "TITLE OF CARD", null, null, null, null, null);
        assertEquals("18776663", made.id());
        assertEquals(Instant.parse("2026-11-24T12:00:05Z"), made.createdTime());
        assertEquals("the create was not sent again", 3, server.getRequestCount());
    }

    @Test
    public void timesAreReadLeniently() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Instant sample = Instant.parse("2023-06-28T13:49:31Z");
        for (String written : List.of("2023-06-28 13:49:31Z", "2023-06-28T13:49:31Z", "2023-06-28T15:49:31+02:00",
                "2023-06-28T13:49:31+0000", "2023-06-28 13:49:31", "1687960171")) {
            assertEquals(written, sample, ProjectplaceTimes.instant(json.textNode(written)));
        }
        assertEquals(sample.plusMillis(368), ProjectplaceTimes.instant(json.numberNode(1687960171.368427)));
        assertEquals("epoch milliseconds, as last_login", sample, ProjectplaceTimes.instant(json.numberNode(1687960171000L)));
        assertEquals(Instant.parse("2023-06-28T13:49:31.123Z"), ProjectplaceTimes.instant(json.textNode("2023-06-28 13:49:31.123Z")));
        assertNull(ProjectplaceTimes.instant(json.textNode("last Tuesday")));
        assertNull(ProjectplaceTimes.instant(json.nullNode()));
        assertNull(ProjectplaceTimes.instant(null));
        assertEquals(LocalDate.of(2027, 1, 15), ProjectplaceTimes.date("2027-01-15"));
        assertEquals(LocalDate.of(2027, 1, 15), ProjectplaceTimes.date("2027-01-15T00:00:00Z"));
        assertNull(ProjectplaceTimes.date("15.01.2027"));
    }

    @Test
    public void aDueDateWrittenAsATimeIsItsDay() throws Exception {
        token("t1", 2592000);
        server.enqueue(Fixture.json(200, card().replace("\"due_date\": null", "\"due_date\": \"2027-01-15 00:00:00Z\"")));
        body("board.json");
        assertEquals(LocalDate.of(2027, 1, 15), client().cardDetails(CardRef.id("18776663"), null).orElseThrow().due());
    }

    @Test
    public void aPersonWithoutAnIdIsATypedErrorAndAnEmptyIdIsNeverSent() throws Exception {
        token("t1", 2592000);
        json(200, """
                [{"email": "bob@example.com", "account_role": "account_role_member"}]""");
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client().resolveUser("bob@example.com"));
        assertEquals("Projectplace GET /1/account/people (HTTP 200): the account's people listing gives no 'id' for"
                + " 'bob@example.com'", e.getMessage());
        assertEquals(2, server.getRequestCount());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> client().cards().create(TARGET, "1", "Deploy", null, null, "", null, null));
        assertEquals("assignee", empty.field());
        assertEquals("Projectplace createTask: 'assignee': no Projectplace id was given", empty.getMessage());
        assertEquals("nothing sent", 2, server.getRequestCount());
    }

    @Test
    public void aMoveThatNeitherRouteServesNamesBoth() throws Exception {
        token("t1", 2592000);
        json(405, "");
        body("card.json");
        json(404, """
                {"error":"not found"}""");
        Card card = new Card(Vendor.PROJECTPLACE, "18776663", "TITLE OF CARD", URL, BOARD, new ColumnRef("1", "In progress"), null);
        ApiException e = assertThrows(ApiException.class, () -> client().moveCard(card, new ColumnRef("2", "Done"), Position.BOTTOM));
        assertEquals("Projectplace moveCard (HTTP 404): neither POST /1/external_notifications/{id}/move_card (HTTP 405) nor"
                + " POST /1/boards/{id}/move-cards (HTTP 404) is served here, so card 18776663 was not moved"
                + " (docs/projectplace.md, 'Moving a card')", e.getMessage());
        expectTokenRequest();
        expect("t1", "POST", "/1/external_notifications/1358069/move_card", """
                {"card_id":18776663,"column_id":2}""");
        expect("t1", "GET", "/1/cards/18776663", null);
        take();
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void aMoveOfACardThatIsGoneSaysSo() throws Exception {
        token("t1", 2592000);
        json(404, "{}");
        json(404, "{}");
        Card card = new Card(Vendor.PROJECTPLACE, "18776663", "TITLE OF CARD", URL, BOARD, new ColumnRef("1", "In progress"), null);
        NotFoundException e = assertThrows(NotFoundException.class, () -> client().moveCard(card, new ColumnRef("2", "Done"), Position.TOP));
        assertEquals("Projectplace moveCard: card 18776663 no longer exists", e.getMessage());
        assertEquals("no fallback move without the card", 3, server.getRequestCount());
    }

    @Test
    public void aRequestTheServerDoesNotServeNamesItsEndpoint() throws Exception {
        token("t1", 2592000);
        json(405, "");
        ApiException e = assertThrows(ApiException.class, () -> client().findCard(CardRef.id("18776663"), null));
        assertEquals("Projectplace GET /1/cards/{id} (HTTP 405): this Projectplace server does not serve this request", e.getMessage());
    }
}
