package io.jenkins.plugins.projectboards.client.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardDraft;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.CommentRef;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/**
 * Argument checks the facade makes before it asks the vendor anything. The wire behaviour of each operation is
 * covered per vendor (KanboardOperationsTest, PlankaOperationsTest); here a client that refuses every call proves
 * that invalid input never reaches a vendor.
 */
public class BoardOperationsValidationTest {

    /** Fails the test on any vendor call, recording which one it was. */
    private static final class NoCallsClient implements BoardClient {
        final List<String> calls = new ArrayList<>();

        private <T> T refuse(String call) {
            calls.add(call);
            throw new AssertionError("the vendor must not be asked: " + call);
        }

        @Override public Vendor vendor() { return Vendor.KANBOARD; }
        @Override public String baseUrl() { return refuse("baseUrl"); }
        @Override public String whoAmI() { return refuse("whoAmI"); }
        @Override public BoardRef resolveBoard(String nameOrId) { return refuse("resolveBoard"); }
        @Override public List<ColumnRef> columns(BoardRef board) { return refuse("columns"); }
        @Override public UserRef resolveUser(String nameOrId) { return refuse("resolveUser"); }
        @Override public Card createCard(BoardRef board, ColumnRef column, CardDraft draft) { return refuse("createCard"); }
        @Override public Optional<Card> findCard(CardRef ref, BoardRef board) { return refuse("findCard"); }
        @Override public Optional<CardDetails> cardDetails(CardRef ref, BoardRef board) { return refuse("cardDetails"); }
        @Override public List<CardDetails> findCards(BoardRef board, CardQuery query) { return refuse("findCards"); }
        @Override public CardDetails updateCard(CardDetails card, CardChanges changes) { return refuse("updateCard"); }
        @Override public Card moveCard(Card card, ColumnRef column, Position position) { return refuse("moveCard"); }
        @Override public CommentRef comment(Card card, String text) { return refuse("comment"); }
        @Override public WebhookSubscription subscribeWebhook(BoardRef b, String u, List<String> e, String s) { return refuse("subscribeWebhook"); }
        @Override public Optional<WebhookSubscription> findWebhook(BoardRef b, String u, List<String> e, String s) { return refuse("findWebhook"); }
        @Override public BoardEvent parseWebhook(WebhookDelivery delivery) { return refuse("parseWebhook"); }
    }

    private final NoCallsClient client = new NoCallsClient();
    private final BoardOperations operations = new BoardOperations(client, null);

    private ValidationException invalid(org.junit.function.ThrowingRunnable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(List.of(), client.calls);
        return e;
    }

    @Test
    public void blankTitleIsRefusedNamingTheField() {
        ValidationException e = invalid(() -> operations.createTask(
                new CreateTaskRequest("Ops", null, "  ", null, null, null, null, null, false)));
        assertEquals("title", e.field());
        assertEquals("Kanboard createTask: 'title': is required", e.getMessage());
    }

    @Test
    public void dueDateMustBeIsoEvenInADryRun() {
        ValidationException e = invalid(() -> operations.createTask(
                new CreateTaskRequest("Ops", null, "Deploy", null, null, "15/01/2027", null, null, true)));
        assertEquals("due", e.field());
        assertEquals("Kanboard createTask: 'due': expected a date as YYYY-MM-DD, got '15/01/2027'", e.getMessage());
    }

    @Test
    public void noBoardAndNoDefaultBoard() {
        ValidationException e = invalid(() -> operations.createTask(
                new CreateTaskRequest(null, null, "Deploy", null, null, null, null, null, false)));
        assertEquals("board", e.field());
        assertEquals("Kanboard createTask: 'board': no board given and the connection has no default board", e.getMessage());
    }

    @Test
    public void moveNeedsAColumnAndAReadableCard() {
        assertEquals("column", invalid(() -> operations.moveCard(new MoveCardRequest("#1", " ", null, null, false))).field());
        assertEquals("position", invalid(() -> operations.moveCard(new MoveCardRequest("#1", "Done", null, "left", false))).field());
        ValidationException e = invalid(() -> operations.moveCard(
                new MoveCardRequest("https://example.com/boards/3", "Done", null, null, false)));
        assertEquals("card", e.field());
        assertEquals("Kanboard moveCard: 'card': 'https://example.com/boards/3' is not a card URL of Kanboard, Planka or Projectplace",
                e.getMessage());
    }

    @Test
    public void commentNeedsTextAndATask() {
        assertEquals("text", invalid(() -> operations.commentOnTask(new CommentRequest("#1", "", null, false))).field());
        assertEquals("task", invalid(() -> operations.commentOnTask(new CommentRequest(null, "hello", null, false))).field());
    }

    @Test
    public void findCardsLimitIsBoundedBeforeAnyCall() {
        ValidationException e = invalid(() -> operations.findCards(new FindCardsRequest("Ops", null, null, null, null, 201, false)));
        assertEquals("limit", e.field());
        assertEquals("Kanboard findCards: 'limit': must be 1 to 200, not 201", e.getMessage());
        assertEquals("limit", invalid(() -> operations.findCards(new FindCardsRequest("Ops", null, null, null, null, 0, false))).field());
        assertEquals("board", invalid(() -> operations.findCards(new FindCardsRequest(null, null, null, null, null, null, false))).field());
    }

    @Test
    public void getAndUpdateNeedAReadableCardAndAnIsoDueDate() {
        assertEquals("card", invalid(() -> operations.getCard(new GetCardRequest(" ", null, false))).field());
        assertEquals("card", invalid(() -> operations.updateCard(
                new UpdateCardRequest(null, null, "T", null, null, null, null, null, false))).field());
        ValidationException e = invalid(() -> operations.updateCard(
                new UpdateCardRequest("#1", null, null, null, null, null, "tomorrow", null, true)));
        assertEquals("due", e.field());
    }
}
