package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentField;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * KE-chain over its REST API, as pykechain 4.16 speaks it. The connection URL is the instance,
 * {@code https://<tenant>.ke-chain.com/}; the client keeps it with a trailing slash, because KE-chain's paths are
 * joined to it like Python's {@code urljoin} does.
 *
 * <p>Neutral terms: a board is a scope, a card an activity (task) whose reference is its {@code ref}, the columns are
 * the statuses OPEN and COMPLETED, a comment is a notification, and a card's files are the files in the activity's
 * writable attachment properties ({@link #attachments()}). KE-chain-only: services and their runs
 * ({@link #services()}, {@link #serviceRun()}).
 */
public final class KechainClient extends VendorClient {
    private final KechainCredentials credentials;
    private final KechainBoards boards;
    private final KechainCards cards;
    private final KechainComments comments;
    private final KechainUsers users;
    private final KechainWebhooks webhooks = new KechainWebhooks();
    private final KechainServices services;
    private final KechainServiceRun serviceRun;
    private final KechainCardFields cardFields;
    private final KechainAttachments attachments;

    public KechainClient(String url, KechainCredentials credentials, OkHttpClient http, ClientOptions options) {
        super(Vendor.KECHAIN, BaseUrl.normalize(Vendor.KECHAIN, url));
        // KE-chain's relative paths are joined like urljoin does: the base must end with a slash to keep its path.
        HttpUrl base = HttpUrl.get(baseUrl() + "/");
        this.credentials = credentials;
        KechainTransport transport = new KechainTransport(new HttpCore(Vendor.KECHAIN, http, options), base, credentials);
        this.boards = new KechainBoards(transport, options);
        this.cards = new KechainCards(transport, options);
        this.comments = new KechainComments(transport);
        this.users = new KechainUsers(transport, options);
        this.services = new KechainServices(transport);
        this.serviceRun = new KechainServiceRun(services, options);
        this.cardFields = new KechainCardFields(transport, cards, users);
        this.attachments = new KechainAttachments(transport, options);
    }

    public KechainBoards boards() {
        return boards;
    }

    public KechainCards cards() {
        return cards;
    }

    public KechainComments comments() {
        return comments;
    }

    public KechainUsers users() {
        return users;
    }

    public KechainWebhooks webhooks() {
        return webhooks;
    }

    public KechainServices services() {
        return services;
    }

    public KechainServiceRun serviceRun() {
        return serviceRun;
    }

    public KechainCardFields cardFields() {
        return cardFields;
    }

    public KechainAttachments attachments() {
        return attachments;
    }

    /** A service by id, or by name within the scope given by name or id. */
    public KechainService service(String scopeNameOrId, String serviceNameOrId) {
        if (scopeNameOrId == null || scopeNameOrId.isBlank()) {
            throw new ValidationException(Vendor.KECHAIN, "runKechainService", 0, "scope", "is required");
        }
        if (serviceNameOrId == null || serviceNameOrId.isBlank()) {
            throw new ValidationException(Vendor.KECHAIN, "runKechainService", 0, "service", "is required");
        }
        return services.service(boards.scope(scopeNameOrId.strip()), serviceNameOrId.strip());
    }

    /** The activity's page in KE-chain's web application (the route is inferred, see docs/kechain.md). */
    public String activityUrl(String scopeId, String activityId) {
        return Links.safe(baseUrl() + "/#/scopes/" + scopeId + "/activities/" + activityId, baseUrl());
    }

    @Override
    public String whoAmI() {
        KechainUser me = users.me();
        return "KE-chain user " + me.username() + (me.name() == null || me.name().isEmpty() ? "" : " (" + me.name() + ")");
    }

    @Override
    public BoardRef resolveBoard(String nameOrId) {
        KechainScope scope = boards.scope(nameOrId);
        return new BoardRef(scope.id(), scope.name());
    }

    @Override
    public List<ColumnRef> columns(BoardRef board) {
        return KechainBoards.STATUSES;
    }

    @Override
    public UserRef resolveUser(String nameOrId) {
        KechainUser user = users.user(nameOrId);
        return new UserRef(user.id(), user.username());
    }

    /**
     * Creates a task; labels become tags. A new task is OPEN, so a target column other than OPEN sets the status
     * after creating it.
     */
    @Override
    public Card createCard(BoardRef board, ColumnRef column, CardDraft draft) {
        KechainScope scope = boards.scope(board.id());
        KechainActivity activity = cards.create(scope, draft.title(), draft.description(), draft.due(), draft.labels(), draft.reference());
        if (draft.assignee() != null) {
            activity = cards.assign(activity.id(), List.of(draft.assignee().id()));
        }
        if (!column.id().equals(activity.status())) {
            activity = cards.setStatus(activity.id(), column.id());
        }
        return card(activity, board);
    }

    @Override
    public Optional<Card> findCard(CardRef ref, BoardRef board) {
        // KE-chain ids are UUIDs, which CardRef reads as references.
        if (ref.kind() == CardRef.Kind.ID || KechainBoards.isId(ref.value())) {
            return cards.get(ref.value()).map(activity -> card(activity, null));
        }
        requireBoardForReference(board, "an activity", "a scope");
        return cards.byReference(boards.scope(board.id()), ref.value()).map(activity -> card(activity, board));
    }

    /** An activity is a card here: its status is its column. */
    @Override
    public Optional<CardDetails> cardDetails(CardRef ref, BoardRef board) {
        if (ref.kind() == CardRef.Kind.ID || KechainBoards.isId(ref.value())) {
            return cards.getAsRead(ref.value()).map(activity -> cardFields.details(card(KechainActivity.from(activity), null), activity));
        }
        requireBoardForReference(board, "an activity", "a scope");
        return cards.byReferenceAsRead(boards.scope(board.id()), ref.value())
                .map(activity -> cardFields.details(card(KechainActivity.from(activity), board), activity));
    }

    @Override
    public List<CardDetails> findCards(BoardRef board, CardQuery query) {
        return cardFields.find(board, query, activity -> card(activity, board));
    }

    @Override
    public CardDetails updateCard(CardDetails card, CardChanges changes) {
        return cardFields.update(card, changes);
    }

    /** KE-chain's "move" sets the activity's status; there is no position. */
    @Override
    public Card moveCard(Card card, ColumnRef column, Position position) {
        return card(cards.setStatus(card.id(), column.id()), card.board());
    }

    /** A notification about the card to its assignees (or the signed-in user), from the signed-in user. */
    @Override
    public CommentRef comment(Card card, String text) {
        KechainActivity activity = cards.get(card.id()).orElseThrow(() -> new io.jenkins.plugins.projectboards.client.NotFoundException(
                Vendor.KECHAIN, "commentOnTask", 0, "activity " + card.id() + " no longer exists"));
        String me = users.me().id();
        List<String> recipients = activity.assigneeIds().isEmpty() ? List.of(me) : activity.assigneeIds();
        String id = comments.notify(activity.name(), text + "\n\n" + card.url(), recipients, me);
        return new CommentRef(id, card.id(), card.url());
    }

    /** An activity keeps its files in attachment properties, one file each. */
    @Override
    public boolean attachmentsInFields() {
        return true;
    }

    @Override
    public List<AttachmentField> attachmentFields(Card card) {
        return attachments.fields(card.id());
    }

    /** The files in the activity's writable attachment properties. */
    @Override
    public List<Attachment> attachments(Card card) {
        return attachmentFields(card).stream().map(AttachmentField::file).filter(Objects::nonNull).toList();
    }

    /** Into the activity's only writable attachment property. */
    @Override
    public Attachment attach(Card card, AttachmentUpload file) {
        return attach(card, AttachmentField.pick(Vendor.KECHAIN, "attach file", card, null, attachmentFields(card)), file);
    }

    @Override
    public Attachment attach(Card card, AttachmentField field, AttachmentUpload file) {
        return attachments.upload(field, file);
    }

    @Override
    public WebhookSubscription subscribeWebhook(BoardRef board, String url, List<String> events, String secret) {
        throw webhooks.unsupported("subscribeWebhook");
    }

    @Override
    public Optional<WebhookSubscription> findWebhook(BoardRef board, String url, List<String> events, String secret) {
        throw webhooks.unsupported("subscribeWebhook");
    }

    @Override
    public BoardEvent parseWebhook(WebhookDelivery delivery) {
        throw webhooks.unsupported("parse webhook");
    }

    private Card card(KechainActivity activity, BoardRef knownBoard) {
        BoardRef board = knownBoard;
        if (board == null) {
            KechainScope scope = boards.scope(activity.scopeId());
            board = new BoardRef(scope.id(), scope.name());
        }
        return new Card(Vendor.KECHAIN, activity.id(), activity.name(), activityUrl(activity.scopeId(), activity.id()), board,
                new ColumnRef(activity.status(), activity.status()), activity.ref());
    }

    @Override
    public String toString() {
        return "KechainClient[" + baseUrl() + ", " + credentials + "]";
    }
}
