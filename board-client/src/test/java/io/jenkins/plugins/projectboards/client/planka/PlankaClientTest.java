package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardDraft;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.CommentRef;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Every Planka operation: the exact request sent and what the caller gets back. */
public class PlankaClientTest extends PlankaTestSupport {
    private static final BoardRef SMOKE = new BoardRef(BOARD, "Smoke 1795504681/Smoke board");

    @Test
    public void whoAmI() throws Exception {
        answer("05-users-me-apikey");
        assertEquals("Planka user admin (admin)", client().whoAmI());
        expect("GET", "/api/users/me", null);
    }

    @Test
    public void boardByNameQualifiedNameOrIdFromOneListing() throws Exception {
        projects();
        PlankaClient client = client();
        assertEquals(SMOKE, client.resolveBoard("smoke board"));
        assertEquals(SMOKE, client.resolveBoard("Smoke 1795504681/Smoke board"));
        assertEquals(new BoardRef("77", "Ops/Releases"), client.resolveBoard("77"));
        expect("GET", "/api/projects", null);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void unknownBoardListsQualifiedNames() {
        projects();
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> client().resolveBoard("Marketing"));
        assertEquals("Planka resolve board: unknown board 'Marketing'; valid boards: Smoke 1795504681/Smoke board, Ops/Releases",
                e.getMessage());
    }

    @Test
    public void boardNameUsedByTwoProjectsMustBeQualified() {
        json(200, """
                {"items":[{"id":"1","name":"A"},{"id":"2","name":"B"}],"included":{"boards":[\
                {"id":"10","name":"Dev","projectId":"1"},{"id":"20","name":"Dev","projectId":"2"}]}}""");
        ValidationException e = assertThrows(ValidationException.class, () -> client().resolveBoard("Dev"));
        assertEquals("Planka resolve board: 'board': several projects have a board 'Dev'; name it as one of: A/Dev, B/Dev", e.getMessage());
    }

    @Test
    public void listsAreActiveAndClosedOnesInOrder() throws Exception {
        answer("39-boards-show");
        List<ColumnRef> columns = client().columns(SMOKE);
        assertEquals(List.of("Todo", "Doing", "Done"), columns.stream().map(ColumnRef::name).toList());
        expect("GET", "/api/boards/" + BOARD, null);
    }

    @Test
    public void createCardAtTheBottomWithReferenceLabelAndDueDate() throws Exception {
        answer("39-boards-show");
        answer("31-cards-create");
        answer("39-boards-show");
        answer("32-card-labels-create");
        Card card = client().createCard(SMOKE, new ColumnRef(DOING, "Doing"), new CardDraft("Smoke card", "Created by **smoke.sh**",
                List.of("bug"), LocalDate.parse("2027-01-15"), null, "SMOKE-1", Position.BOTTOM));
        expect("GET", "/api/boards/" + BOARD, null);
        // The recorded board has one card (position 65536) in Doing: the bottom is one gap below it.
        expect("POST", "/api/lists/" + DOING + "/cards", """
                {"type":"project","name":"Smoke card","position":131072,\
                "description":"Created by **smoke.sh**\\n\\n[//]: # (project-boards-ref: SMOKE-1)","dueDate":"2027-01-15T00:00:00.000Z"}""");
        expect("GET", "/api/boards/" + BOARD, null);
        expect("POST", "/api/cards/" + CARD + "/card-labels", """
                {"labelId":"1915228967711802471"}""");
        assertEquals(new Card(Vendor.PLANKA, CARD, "Smoke card", baseUrl() + "/cards/" + CARD, SMOKE, new ColumnRef(DOING, "Doing"), null), card);
    }

    @Test
    public void unknownLabelListsTheBoardsLabels() {
        answer("39-boards-show");
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> client().checkLabels(SMOKE, List.of("feature")));
        assertEquals("Planka resolve label: unknown label 'feature'; valid labels: bug", e.getMessage());
    }

    @Test
    public void assigneeBecomesACardMember() throws Exception {
        json(200, """
                {"items":[{"id":"1915227850869310465","username":"admin","email":"admin@example.com","role":"admin"}]}""");
        answer("39-boards-show");
        answer("31-cards-create");
        json(200, """
                {"item":{"id":"5","cardId":"%s","userId":"1915227850869310465"}}""".formatted(CARD));
        PlankaClient client = client();
        UserRef admin = client.resolveUser("admin@example.com");
        client.createCard(SMOKE, new ColumnRef(TODO, "Todo"), new CardDraft("Smoke card", null, List.of(), null, admin, null, Position.TOP));
        expect("GET", "/api/users", null);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("POST", "/api/lists/" + TODO + "/cards", """
                {"type":"project","name":"Smoke card","position":65536}""");
        expect("POST", "/api/cards/" + CARD + "/card-memberships", """
                {"userId":"1915227850869310465"}""");
    }

    @Test
    public void findByIdByReferenceAndUnknownId() throws Exception {
        answer("38-cards-show");
        projects();
        answer("39-boards-show");
        json(200, """
                {"items":[],"included":{"cards":[{"id":"9","name":"Other","listId":"%s","boardId":"%s",\
                "position":1,"description":"text\\n\\n[//]: # (project-boards-ref: EXT-7)"}]}}""".formatted(TODO, BOARD));
        answer("41-error-card-unknown");
        PlankaClient client = client();
        Card byId = client.findCard(CardRef.parse("https://planka.example/cards/" + CARD), null).orElseThrow();
        assertEquals("Doing", byId.column().name());
        assertEquals("Smoke 1795504681/Smoke board", byId.board().name());
        Card byReference = client.findCard(CardRef.parse("EXT-7"), SMOKE).orElseThrow();
        assertEquals("9", byReference.id());
        assertEquals("EXT-7", byReference.reference());
        assertEquals(Optional.empty(), client.findCard(CardRef.parse("1999999999999999999"), null));
        expect("GET", "/api/cards/" + CARD, null);
        expect("GET", "/api/projects", null);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("GET", "/api/cards/1999999999999999999", null);
    }

    @Test
    public void moveSendsListAndPositionAndReturnsTheNewColumn() throws Exception {
        answer("39-boards-show");
        answer("34-cards-move");
        Card card = new Card(Vendor.PLANKA, CARD, "Smoke card", "u", SMOKE, new ColumnRef(TODO, "Todo"), null);
        Card moved = client().moveCard(card, new ColumnRef(DOING, "Doing"), Position.BOTTOM);
        expect("GET", "/api/boards/" + BOARD, null);
        expect("PATCH", "/api/cards/" + CARD, """
                {"listId":"%s","position":65536}""".formatted(DOING));
        assertEquals(new ColumnRef(DOING, "Doing"), moved.column());
    }

    @Test
    public void commentReturnsItsIdAndTheCardLink() throws Exception {
        answer("35-comments-create");
        Card card = new Card(Vendor.PLANKA, CARD, "Smoke card", "u", SMOKE, new ColumnRef(TODO, "Todo"), null);
        assertEquals(new CommentRef("1915228977601971308", CARD, baseUrl() + "/cards/" + CARD), client().comment(card, "Smoke comment"));
        expect("POST", "/api/cards/" + CARD + "/comments", """
                {"text":"Smoke comment"}""");
    }

    @Test
    public void commentsAreListed() throws Exception {
        answer("36-comments-index");
        assertEquals("Smoke comment", client().comments().list(CARD).get(0).text());
        expect("GET", "/api/cards/" + CARD + "/comments", null);
    }

    @Test
    public void referenceNeedsABoard() {
        ValidationException e = assertThrows(ValidationException.class, () -> client().findCard(CardRef.parse("ref:X"), null));
        assertEquals("board", e.field());
        assertTrue(server.getRequestCount() == 0);
    }
}
