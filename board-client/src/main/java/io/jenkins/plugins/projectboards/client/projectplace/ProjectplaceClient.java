package io.jenkins.plugins.projectboards.client.projectplace;

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
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.CommentRef;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.VendorClient;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.BaseUrl;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Planview Projectplace over its REST API with a robot account. The connection URL defaults to
 * {@code https://api.projectplace.com}.
 *
 * <p>Neutral terms: a board is a board named {@code Workspace/Board} or by id, a column a board column
 * ({@code progress}), a card a card; a reference is a marker line in the description. Which request rests on which
 * published material is in docs/projectplace.md; where none does, the request fails safe.
 */
public final class ProjectplaceClient extends VendorClient {
    private final ProjectplaceCredentials credentials;
    private final ProjectplaceSettings settings;
    private final ProjectplaceTransport transport;
    private final ProjectplaceBoards boards;
    private final ProjectplaceCards cards;
    private final ProjectplaceComments comments;
    private final ProjectplaceUsers users;
    private final ProjectplaceWebhooks webhooks;
    private final ProjectplaceCardFields cardFields;

    public ProjectplaceClient(String url, ProjectplaceCredentials credentials, OkHttpClient http, ClientOptions options) {
        this(url, credentials, http, options, ProjectplaceSettings.defaults());
    }

    public ProjectplaceClient(String url, ProjectplaceCredentials credentials, OkHttpClient http, ClientOptions options,
            ProjectplaceSettings settings) {
        super(Vendor.PROJECTPLACE, BaseUrl.normalize(Vendor.PROJECTPLACE, url == null || url.isBlank() ? ProjectplaceSettings.DEFAULT_URL : url));
        this.credentials = credentials;
        this.settings = settings;
        this.transport = new ProjectplaceTransport(new HttpCore(Vendor.PROJECTPLACE, http, options), HttpUrl.get(baseUrl()),
                credentials, settings);
        this.boards = new ProjectplaceBoards(transport, options);
        this.cards = new ProjectplaceCards(transport, options);
        this.comments = new ProjectplaceComments(transport);
        this.users = new ProjectplaceUsers(transport, options);
        this.webhooks = new ProjectplaceWebhooks(transport);
        this.cardFields = new ProjectplaceCardFields(transport, boards);
    }

    public ProjectplaceBoards boards() {
        return boards;
    }

    public ProjectplaceCards cards() {
        return cards;
    }

    public ProjectplaceComments comments() {
        return comments;
    }

    public ProjectplaceUsers users() {
        return users;
    }

    public ProjectplaceWebhooks webhooks() {
        return webhooks;
    }

    public ProjectplaceCardFields cardFields() {
        return cardFields;
    }

    @Override
    public String whoAmI() {
        var profile = transport.get(transport.v1("user/me/profile"));
        return "Projectplace robot " + (Json.text(profile, "first_name") + " " + Json.text(profile, "last_name")).strip()
                + " (" + Json.text(profile, "email") + ")";
    }

    @Override
    public BoardRef resolveBoard(String nameOrId) {
        ProjectplaceBoard board = boards.resolve(nameOrId);
        return new BoardRef(board.id(), board.workspaceName() == null ? board.name() : board.qualifiedName());
    }

    @Override
    public List<ColumnRef> columns(BoardRef board) {
        return boards.board(board.id()).columns().stream().map(column -> new ColumnRef(column.id(), column.name())).toList();
    }

    /** Through the board's cached columns, read again once when the name is not among them. */
    @Override
    public ColumnRef resolveColumn(BoardRef board, String nameOrId) {
        ProjectplaceColumn column = boards.column(board.id(), nameOrId);
        return new ColumnRef(column.id(), column.name());
    }

    /** A Projectplace card carries at most one label, and it must exist on the board. */
    @Override
    public void checkLabels(BoardRef board, List<String> labels) {
        if (labels.size() > 1) {
            throw new ValidationException(Vendor.PROJECTPLACE, "createTask", 0, "labels", "a Projectplace card has at most one label");
        }
        labels.forEach(label -> boards.label(boards.board(board.id()), label));
    }

    @Override
    public UserRef resolveUser(String emailOrId) {
        ProjectplaceUser user = users.user(emailOrId);
        return new UserRef(user.id(), user.email());
    }

    @Override
    public Card createCard(BoardRef board, ColumnRef column, CardDraft draft) {
        ProjectplaceBoard target = boards.board(board.id());
        String labelId = draft.labels().isEmpty() ? null : boards.label(target, draft.labels().get(0)).id();
        ProjectplaceCard card = cards.create(target, column.id(), draft.title(), draft.description(), labelId,
                draft.assignee() == null ? null : draft.assignee().id(), draft.due(), draft.reference());
        return card(card, board, column);
    }

    @Override
    public Optional<Card> findCard(CardRef ref, BoardRef board) {
        if (ref.kind() == CardRef.Kind.ID) {
            return cards.get(ref.value()).map(card -> card(card, null, null));
        }
        requireBoardForReference(board, "a card", "a board");
        return cards.byReference(board.id(), ref.value()).map(card -> card(card, board, null));
    }

    /** By reference: found in the board's cards, then read by id for its fields. */
    @Override
    public Optional<CardDetails> cardDetails(CardRef ref, BoardRef board) {
        return cardId(ref, board, (boardId, reference) -> cards.byReference(boardId, reference).map(ProjectplaceCard::id))
                .flatMap(cardFields::show)
                .map(shown -> cardFields.details(card(ProjectplaceCard.from(shown), null, null), shown));
    }

    @Override
    public List<CardDetails> findCards(BoardRef board, CardQuery query) {
        return cardFields.find(board, query, card -> card(card, board, null));
    }

    @Override
    public CardDetails updateCard(CardDetails card, CardChanges changes) {
        return cardFields.update(card, changes);
    }

    /** Projectplace chooses where in the column a moved card lands; {@code position} is not used. */
    @Override
    public Card moveCard(Card card, ColumnRef column, Position position) {
        cards.move(card.id(), card.board().id(), column.id());
        return new Card(Vendor.PROJECTPLACE, card.id(), card.title(), card.url(), card.board(), column, card.reference());
    }

    @Override
    public CommentRef comment(Card card, String text) {
        return new CommentRef(comments.create(card.id(), text), card.id(), card.url());
    }

    /** Not possible with Projectplace's published API ({@link ProjectplaceAttachments}). */
    @Override
    public List<Attachment> attachments(Card card) {
        throw ProjectplaceAttachments.notSupported("list attachments");
    }

    /** Not possible with Projectplace's published API ({@link ProjectplaceAttachments}). */
    @Override
    public Attachment attach(Card card, AttachmentUpload file) {
        throw ProjectplaceAttachments.notSupported("attach file");
    }

    @Override
    public WebhookSubscription subscribeWebhook(BoardRef board, String url, List<String> events, String secret) {
        return webhooks.subscribe(boards.board(board.id()), url, events, secret);
    }

    @Override
    public Optional<WebhookSubscription> findWebhook(BoardRef board, String url, List<String> events, String secret) {
        return webhooks.find(boards.board(board.id()), url, events);
    }

    @Override
    public BoardEvent parseWebhook(WebhookDelivery delivery) {
        return webhooks.parse(delivery);
    }

    private Card card(ProjectplaceCard card, BoardRef knownBoard, ColumnRef knownColumn) {
        ProjectplaceBoard board = boards.board(card.boardId());
        BoardRef boardRef = knownBoard != null ? knownBoard : new BoardRef(board.id(), board.workspaceName() == null ? board.name() : board.qualifiedName());
        ColumnRef column = knownColumn != null ? knownColumn : board.columns().stream()
                .filter(candidate -> candidate.id().equals(card.columnId()))
                .map(candidate -> new ColumnRef(candidate.id(), candidate.name())).findFirst()
                .orElse(new ColumnRef(card.columnId(), card.columnId()));
        // A direct_url off the web application (or not http(s)) is not shown; the card's usual link is.
        String url = Links.safe(card.directUrl(), settings.webUrl());
        if (url == null) {
            url = Links.safe(settings.webUrl() + "/#direct/card/" + card.id(), settings.webUrl());
        }
        return new Card(Vendor.PROJECTPLACE, card.id(), card.title(), url, boardRef, column, card.reference());
    }

    @Override
    public String toString() {
        return "ProjectplaceClient[" + baseUrl() + ", " + credentials + "]";
    }
}
