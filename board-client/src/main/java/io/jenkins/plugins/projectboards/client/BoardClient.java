package io.jenkins.plugins.projectboards.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The vendor-neutral face the Pipeline steps use (through {@link io.jenkins.plugins.projectboards.client.ops.BoardOperations}).
 * Each vendor client implements it on its own API and keeps its vendor-only features as further public methods.
 * Name lookups are cached per client ({@link ClientOptions#nameCacheTtl()}).
 *
 * <p>Every method throws only {@link BoardException}s; an operation the vendor cannot do throws
 * {@link NotSupportedException} naming it.
 */
public interface BoardClient {

    Vendor vendor();

    /** The connection's base URL as the vendor's web pages use it (for links), without a trailing slash. */
    String baseUrl();

    /** The cheapest authenticated call: proves URL and credentials, describes the server and the account. */
    String whoAmI();

    BoardRef resolveBoard(String nameOrId);

    /** The board's columns, left to right. */
    List<ColumnRef> columns(BoardRef board);

    default ColumnRef resolveColumn(BoardRef board, String nameOrId) {
        return Names.pick(vendor(), "resolve column", "column", nameOrId, columns(board), ColumnRef::id, ColumnRef::name);
    }

    UserRef resolveUser(String nameOrId);

    /**
     * Checks that labels can be put on the board's cards; vendors whose labels must exist first fail with an
     * {@link UnknownNameException} listing the board's labels. Free-form vendors accept any.
     */
    default void checkLabels(BoardRef board, List<String> labels) {}

    /**
     * Creates a card. A create whose answer was lost (timeout or reset after it was sent) is recovered by looking
     * for the card it made (by reference or the client's marker) before trying again, so it never makes two.
     */
    Card createCard(BoardRef board, ColumnRef column, CardDraft draft);

    /** Finds a card by id or reference; references need the board they live on. */
    Optional<Card> findCard(CardRef ref, BoardRef board);

    /**
     * Reads a card with its description, labels, due date, assignee and whether it is closed; by id or reference
     * like {@link #findCard}.
     *
     * @return empty when there is no such card
     */
    Optional<CardDetails> cardDetails(CardRef ref, BoardRef board);

    /**
     * The cards of a board that match {@code query}, at most {@link CardQuery#limit()} of them, filtered on the server
     * where the vendor can.
     */
    List<CardDetails> findCards(BoardRef board, CardQuery query);

    /**
     * Changes the card's fields; only the fields {@code changes} sets are sent (callers pass
     * {@link CardChanges#against} the card, and nothing at all when it is empty).
     *
     * @return the card as it is after the changes
     */
    CardDetails updateCard(CardDetails card, CardChanges changes);

    /** Moves {@code card} to {@code column}, keeping what the vendor keeps (Kanboard: the swimlane). */
    Card moveCard(Card card, ColumnRef column, Position position);

    CommentRef comment(Card card, String text);

    /**
     * Applies many card updates, each failing alone. Vendors with a batch API send them in a few requests; the
     * others update up to {@code parallelism} cards at a time ({@link CardUpdates#perCard}).
     *
     * @return one outcome per update, in the same order
     */
    default List<CardUpdateOutcome> updateCards(List<CardUpdate> updates, int parallelism) {
        return updateCards(updates, parallelism, outcome -> {});
    }

    /**
     * {@link #updateCards(List, int)}, telling {@code progress} each outcome as soon as it is known (one call at a
     * time, in the order cards finish), so that the caller can save its progress card by card.
     */
    default List<CardUpdateOutcome> updateCards(List<CardUpdate> updates, int parallelism, Consumer<CardUpdateOutcome> progress) {
        return CardUpdates.perCard(this, updates, parallelism, progress);
    }

    /** Registers a webhook for the board, reusing an identical one. */
    WebhookSubscription subscribeWebhook(BoardRef board, String url, List<String> events, String secret);

    /** The registered webhook {@link #subscribeWebhook} would reuse, if there is one (what a dry run reports). */
    Optional<WebhookSubscription> findWebhook(BoardRef board, String url, List<String> events, String secret);

    /** @throws MalformedResponseException when the body is not a delivery of this vendor */
    BoardEvent parseWebhook(WebhookDelivery delivery);

    /** The files attached to {@code card}: name, id, size and link. */
    default List<Attachment> attachments(Card card) {
        throw attachmentsNotSupported("list attachments");
    }

    /**
     * Uploads a file to {@code card}, streamed from its source. A lost answer is recovered by looking among the
     * card's attachments for the same name and size before sending once more ({@link AttachmentUploads#sendOnce}),
     * so a retried upload never makes two.
     */
    default Attachment attach(Card card, AttachmentUpload file) {
        throw attachmentsNotSupported("attach file");
    }

    /**
     * Whether the vendor keeps a card's files in fields that hold one file each ({@link AttachmentField}; KE-chain's
     * attachment properties) rather than in one list per card. Known without asking the server, so that a request
     * that cannot fit (a field named for a vendor without fields, several files for one field) fails before any call.
     */
    default boolean attachmentsInFields() {
        return false;
    }

    /**
     * The card's fields that can take a file, each with the file it holds, when {@link #attachmentsInFields()}; none
     * for the vendors whose cards keep one list of files ({@link #attachments}).
     */
    default List<AttachmentField> attachmentFields(Card card) {
        return List.of();
    }

    /**
     * Uploads a file into one of the card's {@link #attachmentFields}, replacing the file it holds; a lost answer is
     * recovered like {@link #attach(Card, AttachmentUpload)}'s, from what the field holds.
     */
    default Attachment attach(Card card, AttachmentField field, AttachmentUpload file) {
        throw new NotSupportedException(vendor(), "attach file", vendor().displayName()
                + " cards keep their files in one list, not in fields");
    }

    private NotSupportedException attachmentsNotSupported(String operation) {
        return new NotSupportedException(vendor(), operation, "attaching files to " + vendor().displayName()
                + " cards is not supported");
    }
}
