package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Many card updates in few requests: one JSON-RPC batch finds every card, one writes every comment and move (in
 * chunks of {@link #CHUNK} calls). Projects and columns come from the client's name cache, so each board costs one
 * lookup. Each card fails alone, with the error Kanboard gave for its call.
 *
 * <p>A write chunk whose answer is lost (reset or timeout after sending, a 5xx, an unreadable answer) may have been applied in full, in
 * part or not at all, and a comment sent twice is a second comment. So the chunk is not sent again blindly: what it
 * did is read back first (the comment text by the comment's author on the task, the task's column), and only the
 * calls that left no trace are sent once more.
 */
final class KanboardCardUpdates {
    /** Calls per HTTP request: large enough to save round trips, small enough for default PHP limits. */
    static final int CHUNK = 100;

    private final KanboardClient client;

    KanboardCardUpdates(KanboardClient client) {
        this.client = client;
    }

    /** Where one update stands between the two batches. */
    private static final class Progress {
        final CardUpdate update;
        Card card;
        ColumnRef target;
        String error;
        /** Whether {@link #error} is the server's silence (an outage) rather than its answer. */
        boolean unreachable;
        boolean commented;
        boolean moved;

        Progress(CardUpdate update) {
            this.update = update;
        }

        void fail(BoardException failure) {
            error = failure.getMessage();
            unreachable = failure instanceof ConnectionException;
        }

        CardUpdateOutcome outcome() {
            if (error != null) {
                return new CardUpdateOutcome(update, card, commented, false, card == null ? null : card.column().name(),
                        error, unreachable);
            }
            Card after = moved ? new Card(card.vendor(), card.id(), card.title(), card.url(), card.board(), target, card.reference()) : card;
            return CardUpdateOutcome.done(update, after, commented, moved, card.column().name());
        }
    }

    /**
     * One comment or move of the write batch, and how to tell afterwards whether Kanboard applied it.
     *
     * @param check a read whose result shows whether {@code call} was applied
     * @param applied judges {@code check}'s result
     */
    private record Write(Progress owner, KanboardCall call, KanboardCall check, Predicate<JsonNode> applied, Runnable onSuccess) {}

    List<CardUpdateOutcome> apply(List<CardUpdate> updates, Consumer<CardUpdateOutcome> progress) {
        List<Progress> all = updates.stream().map(Progress::new).toList();
        find(all);
        all.stream().filter(p -> p.error != null).forEach(p -> progress.accept(p.outcome()));
        write(all, progress);
        return all.stream().map(Progress::outcome).toList();
    }

    private void find(List<Progress> all) {
        List<Progress> asked = new ArrayList<>();
        List<KanboardCall> calls = new ArrayList<>();
        for (Progress progress : all) {
            CardRef ref = progress.update.card();
            if (ref.kind() == CardRef.Kind.ID) {
                calls.add(KanboardCards.getCall(ref.value()));
            } else if (progress.update.board() != null) {
                calls.add(KanboardCards.byReferenceCall(progress.update.board().id(), ref.value()));
            } else {
                progress.error = "Kanboard finds a task by reference only within a project: name the board";
                continue;
            }
            asked.add(progress);
        }
        List<KanboardAnswer> answers = new ArrayList<>();
        // Reads only: the transport already retried what it could, so a chunk that still fails fails its cards.
        for (List<KanboardCall> chunk : chunks(calls)) {
            try {
                answers.addAll(client.batch(chunk));
            } catch (BoardException e) {
                chunk.forEach(call -> answers.add(new KanboardAnswer(call, null, e)));
            }
        }
        for (int i = 0; i < asked.size(); i++) {
            Progress progress = asked.get(i);
            try {
                progress.card = KanboardCards.task(answers.get(i).resultOrThrow()).map(client::card).orElse(null);
                if (progress.card == null) {
                    progress.error = "no card '" + progress.update.card().text() + "'";
                } else if (progress.update.moveTo() != null) {
                    progress.target = client.resolveColumn(progress.card.board(), progress.update.moveTo());
                }
            } catch (BoardException e) {
                progress.fail(e);
            }
        }
    }

    private void write(List<Progress> all, Consumer<CardUpdateOutcome> progress) {
        List<Progress> commenting = all.stream().filter(p -> p.error == null && p.update.comment() != null).toList();
        String author = null;
        if (!commenting.isEmpty()) {
            try {
                author = client.commentUserId();
            } catch (BoardException e) {
                commenting.forEach(p -> p.fail(e));
                commenting.forEach(p -> progress.accept(p.outcome()));
            }
        }
        List<Write> writes = new ArrayList<>();
        for (Progress p : all) {
            if (p.error != null) {
                continue;
            }
            int before = writes.size();
            if (p.update.comment() != null) {
                writes.add(comment(p, author));
            }
            if (p.target != null && !p.target.id().equals(p.card.column().id())) {
                writes.add(move(p));
            }
            if (writes.size() == before) {
                progress.accept(p.outcome());
            }
        }
        for (int start = 0; start < writes.size(); start += CHUNK) {
            int end = Math.min(writes.size(), start + CHUNK);
            List<Write> chunk = writes.subList(start, end);
            List<KanboardAnswer> answers = send(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                if (answers.get(i).failed()) {
                    chunk.get(i).owner().fail(answers.get(i).error());
                } else {
                    chunk.get(i).onSuccess().run();
                }
            }
            // A card is done once its last write is answered; its comment and move may fall in two chunks.
            for (int i = start; i < end; i++) {
                Progress owner = writes.get(i).owner();
                if (i + 1 == writes.size() || writes.get(i + 1).owner() != owner) {
                    progress.accept(owner.outcome());
                }
            }
        }
    }

    private static Write comment(Progress p, String author) {
        String text = p.update.comment();
        // The same text by the same author: a release or notification comment names its build, so it is this one.
        Predicate<JsonNode> written = comments -> {
            for (JsonNode comment : comments) {
                if (comment.path("comment").asText().equals(text) && comment.path("user_id").asText().equals(author)) {
                    return true;
                }
            }
            return false;
        };
        return new Write(p, KanboardComments.createCall(p.card.id(), author, text), KanboardComments.allCall(p.card.id()), written,
                () -> p.commented = true);
    }

    private static Write move(Progress p) {
        Predicate<JsonNode> there = task -> task != null && !task.isNull() && task.path("column_id").asText().equals(p.target.id());
        return new Write(p, KanboardCards.moveCall(p.card.board().id(), p.card.id(), p.target.id(), Position.BOTTOM),
                KanboardCards.getCall(p.card.id()), there, () -> p.moved = true);
    }

    /** The answers to one chunk of writes; a lost answer is recovered as the class comment says. */
    private List<KanboardAnswer> send(List<Write> chunk) {
        try {
            return client.batch(chunk.stream().map(Write::call).toList());
        } catch (BoardException lost) {
            if (lost.httpStatus() >= 400 && lost.httpStatus() < 500) {
                // Refused (authentication, a 4xx): nothing was applied, and sending again would be refused too. An
                // unreadable answer with status 200 (a PHP warning before the JSON) may follow applied calls: recovered.
                return failed(chunk, lost);
            }
            return recover(chunk, lost);
        }
    }

    private List<KanboardAnswer> recover(List<Write> chunk, BoardException lost) {
        List<KanboardAnswer> checks;
        try {
            checks = client.batch(chunk.stream().map(Write::check).toList());
        } catch (BoardException stillDown) {
            // Nothing can be known: report the write's own failure; the caller decides when to try again.
            return failed(chunk, lost);
        }
        KanboardAnswer[] answers = new KanboardAnswer[chunk.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Write write = chunk.get(i);
            KanboardAnswer check = checks.get(i);
            if (check.failed()) {
                answers[i] = new KanboardAnswer(write.call(), null, lost);
            } else if (write.applied().test(check.result())) {
                answers[i] = new KanboardAnswer(write.call(), check.result(), null);
            } else {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Write> again = missing.stream().map(chunk::get).toList();
            List<KanboardAnswer> second;
            try {
                second = client.batch(again.stream().map(Write::call).toList());
            } catch (BoardException e) {
                second = failed(again, e);
            }
            for (int i = 0; i < missing.size(); i++) {
                answers[missing.get(i)] = second.get(i);
            }
        }
        return List.of(answers);
    }

    private static List<KanboardAnswer> failed(List<Write> writes, BoardException e) {
        return writes.stream().map(write -> new KanboardAnswer(write.call(), null, e)).toList();
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += CHUNK) {
            chunks.add(items.subList(start, Math.min(items.size(), start + CHUNK)));
        }
        return chunks;
    }
}
