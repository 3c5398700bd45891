package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.jenkins.plugins.projectboards.client.ConfigurationException;
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
 * Kanboard 1.2 over its JSON-RPC API. The connection URL may be the base ({@code https://kanboard.example}) or the
 * endpoint itself ({@code https://kanboard.example/jsonrpc.php}).
 *
 * <p>Neutral terms: a board is a project, a column a column, a card a task; a card's reference is the task's
 * {@code reference} field. Kanboard-only features: swimlanes and batches.
 */
public final class KanboardClient extends VendorClient {
    private static final String ENDPOINT = "jsonrpc.php";

    private final KanboardCredentials credentials;
    private final KanboardTransport transport;
    private final KanboardBoards boards;
    private final KanboardCards cards;
    private final KanboardComments comments;
    private final KanboardUsers users;
    private final KanboardWebhooks webhooks;
    private final KanboardCardFields cardFields;
    private final KanboardFiles files;

    public KanboardClient(String url, KanboardCredentials credentials, OkHttpClient http, ClientOptions options) {
        super(Vendor.KANBOARD, withoutEndpoint(BaseUrl.normalize(Vendor.KANBOARD, url)));
        this.credentials = credentials;
        this.transport = new KanboardTransport(new HttpCore(Vendor.KANBOARD, http, options),
                HttpUrl.get(baseUrl() + "/" + ENDPOINT), credentials);
        this.boards = new KanboardBoards(transport, options);
        this.cards = new KanboardCards(transport, options);
        this.comments = new KanboardComments(transport);
        this.users = new KanboardUsers(transport, options);
        this.webhooks = new KanboardWebhooks(baseUrl());
        this.cardFields = new KanboardCardFields(transport, users);
        this.files = new KanboardFiles(transport, baseUrl(), options);
    }

    /** The task's page; the id comes from the server or a delivery, so the link is checked like any other. */
    private static String withoutEndpoint(String url) {
        return url.endsWith("/" + ENDPOINT) ? url.substring(0, url.length() - ENDPOINT.length() - 1) : url;
    }

    static String taskUrl(String baseUrl, String taskId) {
        return Links.safe(baseUrl + "/?controller=TaskViewController&action=show&task_id=" + taskId, baseUrl);
    }

    public KanboardBoards boards() {
        return boards;
    }

    public KanboardCards cards() {
        return cards;
    }

    public KanboardComments comments() {
        return comments;
    }

    public KanboardUsers users() {
        return users;
    }

    public KanboardWebhooks webhooks() {
        return webhooks;
    }

    public KanboardCardFields cardFields() {
        return cardFields;
    }

    public KanboardFiles files() {
        return files;
    }

    /** Several procedure calls in one HTTP request; see {@link KanboardTransport#batch}. */
    public List<KanboardAnswer> batch(List<KanboardCall> calls) {
        return transport.batch(calls);
    }

    @Override
    public String whoAmI() {
        String version = transport.call(KanboardCall.idempotent("getVersion")).asText();
        if (credentials instanceof KanboardCredentials.User) {
            KanboardUser me = users.me();
            return "Kanboard " + version + ", user " + me.username() + " (" + me.role() + ")";
        }
        return "Kanboard " + version + ", application API token";
    }

    @Override
    public BoardRef resolveBoard(String nameOrId) {
        KanboardProject project = boards.project(nameOrId);
        return new BoardRef(project.id(), project.name());
    }

    @Override
    public List<ColumnRef> columns(BoardRef board) {
        return boards.columns(board.id()).stream().map(column -> new ColumnRef(column.id(), column.title())).toList();
    }

    /** Through the project's cached columns, read again once when the name is not among them. */
    @Override
    public ColumnRef resolveColumn(BoardRef board, String nameOrId) {
        KanboardColumn column = boards.column(board.id(), nameOrId);
        return new ColumnRef(column.id(), column.title());
    }

    @Override
    public UserRef resolveUser(String nameOrId) {
        KanboardUser user = users.user(nameOrId);
        return new UserRef(user.id(), user.username());
    }

    @Override
    public Card createCard(BoardRef board, ColumnRef column, CardDraft draft) {
        KanboardTask task = cards.create(new KanboardNewTask(board.id(), draft.title(), draft.description(),
                column.id(), null, null, null, draft.labels(), draft.due(),
                draft.assignee() == null ? null : draft.assignee().id(), draft.reference()));
        return card(task);
    }

    @Override
    public Optional<Card> findCard(CardRef ref, BoardRef board) {
        if (ref.kind() == CardRef.Kind.ID) {
            return cards.get(ref.value()).map(this::card);
        }
        requireBoardForReference(board, "a task", "a project");
        return cards.byReference(board.id(), ref.value()).map(this::card);
    }

    @Override
    public Optional<CardDetails> cardDetails(CardRef ref, BoardRef board) {
        KanboardCall read;
        if (ref.kind() == CardRef.Kind.ID) {
            read = KanboardCards.getCall(ref.value());
        } else {
            requireBoardForReference(board, "a task", "a project");
            read = KanboardCards.byReferenceCall(board.id(), ref.value());
        }
        JsonNode task = transport.call(read);
        return KanboardCards.task(task).map(found -> cardFields.details(card(found), task));
    }

    /** One {@code searchTasks} in Kanboard's query syntax, and the candidates' tags in one batch. */
    @Override
    public List<CardDetails> findCards(BoardRef board, CardQuery query) {
        return cardFields.find(board, query, this::card);
    }

    @Override
    public CardDetails updateCard(CardDetails card, CardChanges changes) {
        return cardFields.update(card, changes);
    }

    @Override
    public Card moveCard(Card card, ColumnRef column, Position position) {
        cards.move(card.board().id(), card.id(), column.id(), position);
        return new Card(Vendor.KANBOARD, card.id(), card.title(), card.url(), card.board(), column, card.reference());
    }

    @Override
    public CommentRef comment(Card card, String text) {
        String id = comments.create(card.id(), commentUserId(), text);
        return new CommentRef(id, card.id(), card.url());
    }

    /** Comments need an author: the signed-in user, or with the application token the configured comment user. */
    String commentUserId() {
        if (credentials instanceof KanboardCredentials.ApplicationToken token) {
            if (token.commentUser() == null || token.commentUser().isBlank()) {
                throw new ConfigurationException(Vendor.KANBOARD, "createComment", 0,
                        "with the application API token, Kanboard needs a user to write comments as: set the"
                                + " connection's comment user (a Kanboard user name)");
            }
            return users.user(token.commentUser().strip()).id();
        }
        return users.me().id();
    }

    /** {@link #commentUserId}'s lookup, for a batch sent anyway; empty while cached, or when there is no comment user to look up. */
    Optional<KanboardLookup> commentUserLookup() {
        if (credentials instanceof KanboardCredentials.ApplicationToken token) {
            return token.commentUser() == null || token.commentUser().isBlank() ? Optional.empty() : users.userLookup(token.commentUser().strip());
        }
        return users.meLookup();
    }

    /** In two JSON-RPC batches: one finds every card, one writes every comment and move (see {@link KanboardCardUpdates}). */
    @Override
    public List<CardUpdateOutcome> updateCards(List<CardUpdate> updates, int parallelism, Consumer<CardUpdateOutcome> progress) {
        return new KanboardCardUpdates(this).apply(updates, progress);
    }

    @Override
    public WebhookSubscription subscribeWebhook(BoardRef board, String url, List<String> events, String secret) {
        throw webhooks.subscribeUnsupported();
    }

    @Override
    public Optional<WebhookSubscription> findWebhook(BoardRef board, String url, List<String> events, String secret) {
        throw webhooks.subscribeUnsupported();
    }

    @Override
    public BoardEvent parseWebhook(WebhookDelivery delivery) {
        return webhooks.parse(delivery);
    }

    @Override
    public List<Attachment> attachments(Card card) {
        return files.list(card.id());
    }

    @Override
    public Attachment attach(Card card, AttachmentUpload file) {
        return files.upload(card.board().id(), card.id(), file);
    }

    Card card(KanboardTask task) {
        KanboardProject project = boards.projectById(task.projectId());
        ColumnRef column = boards.columns(task.projectId()).stream()
                .filter(candidate -> candidate.id().equals(task.columnId()))
                .map(candidate -> new ColumnRef(candidate.id(), candidate.title()))
                .findFirst()
                .orElse(new ColumnRef(task.columnId(), task.columnId()));
        return new Card(Vendor.KANBOARD, task.id(), task.title(), taskUrl(baseUrl(), task.id()),
                new BoardRef(project.id(), project.name()), column, task.reference());
    }

    @Override
    public String toString() {
        return "KanboardClient[" + baseUrl() + ", " + credentials + "]";
    }
}
