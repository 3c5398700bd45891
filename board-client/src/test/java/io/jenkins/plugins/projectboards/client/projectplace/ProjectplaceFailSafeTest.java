package io.jenkins.plugins.projectboards.client.projectplace;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.List;
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
