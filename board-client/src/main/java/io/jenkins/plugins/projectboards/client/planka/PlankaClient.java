package io.jenkins.plugins.projectboards.client.planka;

import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardDraft;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.CommentRef;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.VendorClient;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.BaseUrl;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Planka 2 over its REST API. The connection URL is Planka's address ({@code https://planka.example}); the API is
 * under {@code /api}.
 *
 * <p>Neutral terms: a board is a board (named {@code Board} or {@code Project/Board}), a column a list of type
 * active or closed, a card a card; a reference is a marker line in the description. Planka-only features: labels,
 * card members, webhooks (admin).
 */
public final class PlankaClient extends VendorClient {
    private final PlankaCredentials credentials;
    private final PlankaBoards boards;
    private final PlankaCards cards;
    private final PlankaComments comments;
    private final PlankaUsers users;
    private final PlankaWebhooks webhooks;
    private final PlankaCardFields cardFields;
    private final PlankaAttachments attachments;
    private final ClientOptions options;

    public PlankaClient(String url, PlankaCredentials credentials, OkHttpClient http, ClientOptions options) {
        super(Vendor.PLANKA, BaseUrl.normalize(Vendor.PLANKA, url));
        this.credentials = credentials;
        PlankaTransport transport = new PlankaTransport(new HttpCore(Vendor.PLANKA, http, options), HttpUrl.get(baseUrl()), credentials);
        this.boards = new PlankaBoards(transport, options);
        this.cards = new PlankaCards(transport, boards, options);
        this.comments = new PlankaComments(transport);
        this.users = new PlankaUsers(transport, options);
        this.webhooks = new PlankaWebhooks(transport, baseUrl());
        this.cardFields = new PlankaCardFields(transport, boards);
        this.attachments = new PlankaAttachments(transport, baseUrl(), options);
        this.options = options;
    }

    public PlankaBoards boards() {
        return boards;
    }

    public PlankaCards cards() {
        return cards;
    }

    public PlankaComments comments() {
        return comments;
    }

    public PlankaUsers users() {
        return users;
    }

    public PlankaWebhooks webhooks() {
        return webhooks;
    }

    public PlankaCardFields cardFields() {
        return cardFields;
    }

    public PlankaAttachments attachments() {
        return attachments;
    }

    /** The card's page; the id comes from the server or a delivery, so the link is checked like any other. */
    public String cardUrl(String cardId) {
        return Links.safe(baseUrl() + "/cards/" + cardId, baseUrl());
    }

    @Override
    public String whoAmI() {
        PlankaUser me = users.me();
        return "Planka user " + me.username() + " (" + me.role() + ")";
    }

    @Override
    public BoardRef resolveBoard(String nameOrId) {
        PlankaBoard board = boards.board(nameOrId);
        return new BoardRef(board.id(), board.qualifiedName());
    }

    @Override
    public List<ColumnRef> columns(BoardRef board) {
        return boards.lists(board.id()).stream().map(list -> new ColumnRef(list.id(), list.name())).toList();
    }

    /** Through the board's cached lists, read again once when the name is not among them. */
    @Override
    public ColumnRef resolveColumn(BoardRef board, String nameOrId) {
        PlankaList list = boards.list(board.id(), nameOrId);
        return new ColumnRef(list.id(), list.name());
    }

    @Override
    public void checkLabels(BoardRef board, List<String> labels) {
        labels.forEach(label -> boards.label(board.id(), label));
    }

    @Override
    public UserRef resolveUser(String nameOrId) {
        PlankaUser user = users.user(nameOrId);
        return new UserRef(user.id(), user.username());
    }

    @Override
    public Card createCard(BoardRef board, ColumnRef column, CardDraft draft) {
        PlankaCard card = cards.create(board.id(), column.id(), draft.title(), draft.description(), draft.due(),
                draft.reference(), draft.position());
        for (String label : draft.labels()) {
            cards.addLabel(card.id(), boards.label(board.id(), label).id());
        }
        if (draft.assignee() != null) {
            cards.addMember(card.id(), draft.assignee().id());
        }
        return card(card, board, column);
    }

    @Override
    public Optional<Card> findCard(CardRef ref, BoardRef board) {
        if (ref.kind() == CardRef.Kind.ID) {
            return cards.get(ref.value()).map(this::card);
        }
        requireBoardForReference(board, "a card", "a board");
        return cards.byReference(board.id(), ref.value()).map(card -> card(card, board, column(card)));
    }

    /** By reference: found in the board's cards, then read by id for its labels and members. */
    @Override
    public Optional<CardDetails> cardDetails(CardRef ref, BoardRef board) {
        return cardId(ref, board, (boardId, reference) -> cards.byReference(boardId, reference).map(PlankaCard::id))
                .flatMap(cardFields::show)
                .map(shown -> cardFields.details(card(PlankaCard.from(shown.path("item"))), shown));
    }

    /** One read of the board, filtered here: Planka has no search API. */
    @Override
    public List<CardDetails> findCards(BoardRef board, CardQuery query) {
        return cardFields.find(board, query, (card, column) -> card(card, board, column));
    }

    @Override
    public CardDetails updateCard(CardDetails card, CardChanges changes) {
        return cardFields.update(card, changes);
    }

    @Override
    public Card moveCard(Card card, ColumnRef column, Position position) {
        PlankaCard moved = cards.move(card.id(), card.board().id(), column.id(), position);
        return card(moved, card.board(), column);
    }

    @Override
    public CommentRef comment(Card card, String text) {
        PlankaComment comment = comments.create(card.id(), text);
        return new CommentRef(comment.id(), card.id(), cardUrl(card.id()));
    }

    /**
     * Two requests per card (comment, move) and one read per board, {@code parallelism} cards at a time (see
     * {@link PlankaCardUpdates}).
     */
    @Override
    public List<CardUpdateOutcome> updateCards(List<CardUpdate> updates, int parallelism, Consumer<CardUpdateOutcome> progress) {
        return new PlankaCardUpdates(this, options).apply(updates, parallelism, progress);
    }

    @Override
    public WebhookSubscription subscribeWebhook(BoardRef board, String url, List<String> events, String secret) {
        return webhooks.subscribe(url, events, secret);
    }

    /** Planka's webhooks cover every board, so the board plays no part in finding one. */
    @Override
    public Optional<WebhookSubscription> findWebhook(BoardRef board, String url, List<String> events, String secret) {
        return webhooks.find(url, events);
    }

    @Override
    public BoardEvent parseWebhook(WebhookDelivery delivery) {
        return webhooks.parse(delivery);
    }

    @Override
    public List<Attachment> attachments(Card card) {
        return attachments.list(card.id());
    }

    @Override
    public Attachment attach(Card card, AttachmentUpload file) {
        return attachments.upload(card.id(), file);
    }

    private Card card(PlankaCard card) {
        return card(card, boardRef(card.boardId()), column(card));
    }

    /** A board by id, named {@code Project/Board} (from the cached board list). */
    BoardRef boardRef(String boardId) {
        PlankaBoard board = boards.boardById(boardId);
        return new BoardRef(board.id(), board.qualifiedName());
    }

    private ColumnRef column(PlankaCard card) {
        return boards.lists(card.boardId()).stream().filter(list -> list.id().equals(card.listId()))
                .map(list -> new ColumnRef(list.id(), list.name())).findFirst()
                .orElse(new ColumnRef(card.listId(), card.listId()));
    }

    Card card(PlankaCard card, BoardRef board, ColumnRef column) {
        return new Card(Vendor.PLANKA, card.id(), card.name(), cardUrl(card.id()), board, column, card.reference());
    }

    @Override
    public String toString() {
        return "PlankaClient[" + baseUrl() + ", " + credentials + "]";
    }
}
