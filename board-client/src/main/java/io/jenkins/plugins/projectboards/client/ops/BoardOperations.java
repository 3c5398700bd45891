package io.jenkins.plugins.projectboards.client.ops;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
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
