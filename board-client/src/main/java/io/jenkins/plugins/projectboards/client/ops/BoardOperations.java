package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentField;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardChanges;
import io.jenkins.plugins.projectboards.client.CardDetails;
import io.jenkins.plugins.projectboards.client.CardDraft;
import io.jenkins.plugins.projectboards.client.CardQuery;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.CommentRef;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Position;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.failure.FailureCardText;
import io.jenkins.plugins.projectboards.client.failure.FailureCards;
import io.jenkins.plugins.projectboards.client.failure.JobBuild;
import io.jenkins.plugins.projectboards.client.gate.ApprovalGate;
import io.jenkins.plugins.projectboards.client.gate.GateSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * The Pipeline steps, one method each, with their semantics: validation of every argument before anything is
 * written, name resolution, idempotent creates by reference, no-op moves, and {@code dryRun}, which resolves and
 * validates everything and writes nothing.
 */
public final class BoardOperations {
    private final BoardClient client;
    private final String defaultBoard;

    /** @param defaultBoard the connection's board for steps that name none; may be {@code null} */
    public BoardOperations(BoardClient client, String defaultBoard) {
        this.client = client;
        this.defaultBoard = blank(defaultBoard) ? null : defaultBoard.strip();
    }

    public CreateTaskResult createTask(CreateTaskRequest request) {
        String op = "createTask";
        String title = required(op, "title", request.title());
        LocalDate due = parseDue(op, request.due());
        BoardRef board = client.resolveBoard(boardName(op, request.board()));
        ColumnRef column = blank(request.column())
                ? firstColumn(op, board)
                : client.resolveColumn(board, request.column());
        client.checkLabels(board, request.labels());
        UserRef assignee = blank(request.assignee()) ? null : client.resolveUser(request.assignee().strip());
        String reference = blank(request.reference()) ? null : request.reference().strip();
        if (reference != null) {
            Optional<Card> existing = client.findCard(CardRef.reference(reference), board);
            if (existing.isPresent()) {
                return new CreateTaskResult(existing.get(), false, request.dryRun());
            }
        }
        if (request.dryRun()) {
            Card preview = new Card(client.vendor(), null, title, null, board, column, reference);
            return new CreateTaskResult(preview, true, true);
        }
        CardDraft draft = new CardDraft(
                title, request.description(), request.labels(), due, assignee, reference, Position.BOTTOM);
        return new CreateTaskResult(client.createCard(board, column, draft), true, false);
    }

    public MoveCardResult moveCard(MoveCardRequest request) {
        String op = "moveCard";
        String columnName = required(op, "column", request.column());
        Position position = Position.parse(client.vendor(), op, request.position(), Position.BOTTOM);
        Card card = findCard(op, "card", request.card(), request.board());
        ColumnRef target = client.resolveColumn(card.board(), columnName);
        String previous = card.column().name();
        if (target.id().equals(card.column().id())) {
            return new MoveCardResult(card, previous, false, request.dryRun());
        }
        if (request.dryRun()) {
            Card preview = new Card(card.vendor(), card.id(), card.title(), card.url(), card.board(), target, card.reference());
            return new MoveCardResult(preview, previous, true, true);
        }
        return new MoveCardResult(client.moveCard(card, target, position), previous, true, false);
    }

    public CommentResult commentOnTask(CommentRequest request) {
        String op = "commentOnTask";
        String text = required(op, "text", request.text());
        Card card = findCard(op, "task", request.task(), request.board());
        if (request.dryRun()) {
            return new CommentResult(card, null, true);
        }
        CommentRef comment = client.comment(card, text);
        return new CommentResult(card, comment.id(), false);
    }

    /**
     * Puts files on a card. Every file is checked against the size cap before the first is sent, and a file the card
     * already has (same name and size: a re-run) is not sent again; a dry run lists which files would be sent. For a
     * vendor that keeps files in fields holding one each (KE-chain's attachment properties), the one file goes into
     * the field {@code property} names, or the card's only one, and replaces what that field held.
     */
    public AttachFilesResult attachFiles(AttachFilesRequest request) {
        String op = "attachFile";
        List<AttachmentUpload> files = request.files();
        if (files.isEmpty()) {
            throw new ValidationException(client.vendor(), op, 0, "file", "no file to attach");
        }
        for (AttachmentUpload file : files) {
            if (file.size() > request.maxFileBytes()) {
                throw new ValidationException(client.vendor(), op, 0, "file", "'" + file.name() + "' has " + file.size()
                        + " bytes, more than the " + request.maxFileBytes() + " a file may have on this connection");
            }
        }
        String property = blank(request.property()) ? null : request.property().strip();
        boolean inFields = client.attachmentsInFields();
        if (property != null && !inFields) {
            throw new ValidationException(client.vendor(), op, 0, "property", client.vendor().displayName()
                    + " cards keep their files in one list; 'property' names a KE-chain activity's attachment property, so leave it out");
        }
        if (inFields && files.size() > 1) {
            throw new ValidationException(client.vendor(), op, 0, "file", files.size() + " files were given ("
                    + files.stream().map(AttachmentUpload::name).collect(Collectors.joining(", "))
                    + "), but an attachment property holds one file: attach each with its own attachFile and property,"
                    + " or pack them into one archive");
        }
        Card card = findCard(op, "card", request.card(), request.board());
        List<AttachFilesResult.AttachedFile> attached = inFields
                ? List.of(attachToField(op, card, property, files.get(0), request.dryRun()))
                : attachToCard(card, files, request.dryRun());
        return new AttachFilesResult(card, attached, request.dryRun());
    }

    private List<AttachFilesResult.AttachedFile> attachToCard(Card card, List<AttachmentUpload> files, boolean dryRun) {
        List<Attachment> existing = client.attachments(card);
        List<AttachFilesResult.AttachedFile> attached = new ArrayList<>();
        for (AttachmentUpload file : files) {
            Optional<Attachment> there = AttachmentUploads.sameFile(existing, file);
            if (there.isPresent()) {
                attached.add(new AttachFilesResult.AttachedFile(there.get(), false, null));
            } else if (dryRun) {
                attached.add(new AttachFilesResult.AttachedFile(notSentYet(file), true, null));
            } else {
                attached.add(new AttachFilesResult.AttachedFile(client.attach(card, file), true, null));
            }
        }
        return attached;
    }

    private AttachFilesResult.AttachedFile attachToField(String op, Card card, String property, AttachmentUpload file, boolean dryRun) {
        AttachmentField field = AttachmentField.pick(client.vendor(), op, card, property, client.attachmentFields(card));
        if (field.file() != null && field.file().sameFileAs(file)) {
            return new AttachFilesResult.AttachedFile(field.file(), false, field);
        }
        Attachment made = dryRun ? notSentYet(file) : client.attach(card, field, file);
        return new AttachFilesResult.AttachedFile(made, true, field);
    }

    /** What a dry run reports for a file it would send: its name and size, no id or link yet. */
    private static Attachment notSentYet(AttachmentUpload file) {
        return new Attachment(file.name(), null, file.size(), null);
    }

    /**
     * Registers a webhook, reusing an identical one; a dry run reports whether one would be created. The URL must be
     * http(s); the vendor checks its events.
     */
    public SubscribeWebhookResult subscribeWebhook(SubscribeWebhookRequest request) {
        String op = "subscribeWebhook";
        String url = required(op, "url", request.url());
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new ValidationException(client.vendor(), op, 0, "url", "not an http(s) URL: '" + url + "'");
        }
        BoardRef board = client.resolveBoard(boardName(op, request.board()));
        if (request.dryRun()) {
            WebhookSubscription subscription = client.findWebhook(board, url, request.events(), request.secret())
                    .orElse(new WebhookSubscription(null, url, request.events(), board.id(), true));
            return new SubscribeWebhookResult(client.vendor(), board, subscription, true);
        }
        return new SubscribeWebhookResult(client.vendor(), board,
                client.subscribeWebhook(board, url, request.events(), request.secret()), false);
    }

    /**
     * Opens the {@code waitForCard} gate: finds the card, resolves its columns on the card's board (an unknown one
     * fails now, with the valid names) and reads it once, so a card that is already approved or rejected is decided
     * at once. The caller then waits, calling {@link ApprovalGate#check} on deliveries and on its poll; a dry run
     * waits for nothing and reports the first read ({@link WaitForCardResult}).
     */
    public ApprovalGate openGate(WaitForCardRequest request, Instant now) {
        return reopenGate(request, now, null, now);
    }

    /**
     * Opens a gate again after a restart, with the deadline it had ({@code timeoutMinutes} after {@code startedAt})
     * and where it last saw the card, and reads the card now.
     *
     * @param lastColumn the column the card was last seen in while waiting; {@code null} when not known
     */
    public ApprovalGate reopenGate(WaitForCardRequest request, Instant startedAt, String lastColumn, Instant now) {
        String op = "waitForCard";
        if (request.timeoutMinutes() < 1) {
            throw new ValidationException(client.vendor(), op, 0, "timeoutMinutes",
                    "must be at least 1, got " + request.timeoutMinutes());
        }
        Card card = findCard(op, "card", request.card(), request.board());
        GateSpec spec = GateSpec.resolve(client, card.board(), request.columns(), request.rejectColumns(), request.label());
        ApprovalGate gate = new ApprovalGate(card, spec, startedAt.plus(Duration.ofMinutes(request.timeoutMinutes())), lastColumn);
        // Found by whatever the user wrote (a reference, a URL); read by id for its labels and state.
        gate.check(client, now);
        return gate;
    }

    /**
     * The job's failure card for one build ({@code notifyBoard(openOnFailure: …)}): looks the break's card up by
     * reference on the board (never from saved state), then opens it, comments that the job is still failing, or
     * comments that it is fixed and moves it, as {@link FailureCards#decide} says. A healthy build after a healthy
     * one costs no request. The open is a create by reference, so a create whose answer was lost is recovered, not
     * repeated; the caller serialises the builds of one job so that two of them never both open the card.
     */
    public FailureCardResult failureCard(FailureCardRequest request) {
        String op = "notifyBoard openOnFailure";
        FailureCards policy;
        try {
            policy = new FailureCards(request.results());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(client.vendor(), op, 0, "results", e.getMessage());
        }
        JobBuild build = request.build();
        String reference = policy.lookup(build);
        if (reference == null) {
            return new FailureCardResult(FailureCards.Action.NONE, null, null, false, request.dryRun());
        }
        BoardRef board = client.resolveBoard(boardName(op, request.board()));
        Optional<Card> found = client.findCard(CardRef.reference(reference), board);
        FailureCards.Action action = policy.decide(build, found.isPresent());
        return switch (action) {
            case NONE, FIXED_WITHOUT_CARD -> new FailureCardResult(action, reference, null, false, request.dryRun());
            case OPEN -> openFailureCard(op, request, board, reference);
            case STILL_FAILING -> {
                if (!request.dryRun()) {
                    client.comment(found.get(), FailureCardText.stillFailing(build));
                }
                yield new FailureCardResult(action, reference, found.get(), false, request.dryRun());
            }
            case FIXED -> fixFailureCard(request, found.get(), reference);
        };
    }

    private FailureCardResult openFailureCard(String op, FailureCardRequest request, BoardRef board, String reference) {
        JobBuild build = request.build();
        ColumnRef column = blank(request.column()) ? firstColumn(op, board) : client.resolveColumn(board, request.column());
        client.checkLabels(board, request.labels());
        String title = FailureCardText.title(build);
        if (request.dryRun()) {
            Card preview = new Card(client.vendor(), null, title, null, board, column, reference);
            return new FailureCardResult(FailureCards.Action.OPEN, reference, preview, false, true);
        }
        CardDraft draft = new CardDraft(title, FailureCardText.description(build), request.labels(), null, null, reference, Position.BOTTOM);
        Card card = client.createCard(board, column, draft);
        client.comment(card, FailureCardText.opened(build));
        return new FailureCardResult(FailureCards.Action.OPEN, reference, card, false, false);
    }

    private FailureCardResult fixFailureCard(FailureCardRequest request, Card card, String reference) {
        ColumnRef target = blank(request.moveOnSuccess()) ? null : client.resolveColumn(card.board(), request.moveOnSuccess());
        boolean move = target != null && !target.id().equals(card.column().id());
        if (request.dryRun()) {
            Card preview = move ? new Card(card.vendor(), card.id(), card.title(), card.url(), card.board(), target, card.reference()) : card;
            return new FailureCardResult(FailureCards.Action.FIXED, reference, preview, move, true);
        }
        client.comment(card, FailureCardText.fixed(request.build()));
        Card after = move ? client.moveCard(card, target, Position.BOTTOM) : card;
        return new FailureCardResult(FailureCards.Action.FIXED, reference, after, move, false);
    }

    /** Reads the card with its details; the same in a dry run. */
    public GetCardResult getCard(GetCardRequest request) {
        return new GetCardResult(cardDetails("getCard", request.card(), request.board()), request.dryRun());
    }

    /**
     * The board's cards matching every given criterion, at most {@code limit} (50 by default, 200 at most); the
     * column is resolved by name first, so a typo fails with the board's columns.
     */
    public FindCardsResult findCards(FindCardsRequest request) {
        String op = "findCards";
        int limit = request.limit() == null ? CardQuery.DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > CardQuery.MAX_LIMIT) {
            throw new ValidationException(client.vendor(), op, 0, "limit",
                    "must be 1 to " + CardQuery.MAX_LIMIT + ", not " + limit);
        }
        BoardRef board = client.resolveBoard(boardName(op, request.board()));
        ColumnRef column = blank(request.column()) ? null : client.resolveColumn(board, request.column().strip());
        CardQuery query = new CardQuery(column, given(request.labels()), blank(request.text()) ? null : request.text().strip(),
                blank(request.reference()) ? null : request.reference().strip(), limit);
        return new FindCardsResult(client.findCards(board, query), request.dryRun());
    }

    /**
     * Changes only the given fields, and of those only the ones that differ; when none differs nothing is sent. A dry
     * run reads, resolves the assignee and labels, and reports what would change.
     */
    public UpdateCardResult updateCard(UpdateCardRequest request) {
        String op = "updateCard";
        LocalDate due = parseDue(op, request.due());
        CardDetails card = cardDetails(op, request.card(), request.board());
        List<String> addLabels = given(request.addLabels());
        client.checkLabels(card.card().board(), addLabels);
        UserRef assignee = blank(request.assignee()) ? null : client.resolveUser(request.assignee().strip());
        CardChanges changes = new CardChanges(blank(request.title()) ? null : request.title().strip(),
                blank(request.description()) ? null : request.description(),
                addLabels, given(request.removeLabels()), due, assignee).against(card);
        if (changes.isEmpty()) {
            return new UpdateCardResult(card, List.of(), request.dryRun());
        }
        CardDetails after = request.dryRun() ? changes.applyTo(card) : client.updateCard(card, changes);
        return new UpdateCardResult(after, changes.fields(), request.dryRun());
    }

    private Card findCard(String op, String field, String text, String boardName) {
        CardRef ref = cardRef(op, field, text);
        BoardRef board = boardOf(ref, boardName);
        return client.findCard(ref, board).orElseThrow(() -> noCard(op, ref, board));
    }

    private CardDetails cardDetails(String op, String text, String boardName) {
        CardRef ref = cardRef(op, "card", text);
        BoardRef board = boardOf(ref, boardName);
        return client.cardDetails(ref, board).orElseThrow(() -> noCard(op, ref, board));
    }

    private CardRef cardRef(String op, String field, String text) {
        try {
            return CardRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(client.vendor(), op, 0, field, e.getMessage());
        }
    }

    /** Only a reference needs its board; an id or URL names the card on its own. */
    private BoardRef boardOf(CardRef ref, String boardName) {
        String board = blank(boardName) ? defaultBoard : boardName.strip();
        return board == null || ref.kind() == CardRef.Kind.ID ? null : client.resolveBoard(board);
    }

    private NotFoundException noCard(String op, CardRef ref, BoardRef board) {
        return new NotFoundException(client.vendor(), op, 0,
                "no card '" + ref.text() + "'" + (board == null ? "" : " on board '" + board.name() + "'"));
    }

    private ColumnRef firstColumn(String op, BoardRef board) {
        List<ColumnRef> columns = client.columns(board);
        if (columns.isEmpty()) {
            throw new ValidationException(client.vendor(), op, 0, "column", "board '" + board.name() + "' has no columns");
        }
        return columns.get(0);
    }

    private String boardName(String op, String board) {
        if (!blank(board)) {
            return board.strip();
        }
        if (defaultBoard == null) {
            throw new ValidationException(client.vendor(), op, 0, "board",
                    "no board given and the connection has no default board");
        }
        return defaultBoard;
    }

    private LocalDate parseDue(String op, String due) {
        if (blank(due)) {
            return null;
        }
        try {
            return LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(client.vendor(), op, 0, "due", "expected a date as YYYY-MM-DD, got '" + due + "'");
        }
    }

    private String required(String op, String field, String value) {
        if (blank(value)) {
            throw new ValidationException(client.vendor(), op, 0, field, "is required");
        }
        return value.strip();
    }

    /** The names given in a list argument, without blanks (a form's trailing comma) and surrounding spaces. */
    private static List<String> given(List<String> names) {
        return names.stream().filter(name -> !blank(name)).map(String::strip).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
