package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Many card updates in few requests: JSON-RPC batches of at most {@link #CALLS_PER_BATCH} calls find every card, then
 * write every comment and move. The look-ups the client has not cached (the project list, the columns of the boards
 * the updates name, the comment author) ride in the first read batch, so a release costs
 * {@code ⌈reads / CALLS_PER_BATCH⌉ + ⌈writes / CALLS_PER_BATCH⌉} requests, reads counting those look-ups; cards named
 * by id without a board cost one more request, for the columns of the projects they turn out to be in. Each card
 * fails alone, with the error Kanboard gave for its call.
 *
 * <p>A write chunk whose answer is lost (reset or timeout after sending, a 5xx, an unreadable answer) may have been applied in full, in
 * part or not at all, and a comment sent twice is a second comment. So the chunk is not sent again blindly: what it
 * did is read back first (the comment text by the comment's author on the task, the task's column), and only the
 * calls that left no trace are sent once more.
 */
final class KanboardCardUpdates {
    /**
     * Calls per HTTP request (B in docs/performance.md), chosen from time, PHP memory and errors measured on a real
     * Kanboard for 50 to 500 calls ({@code KanboardBatchSizeBenchmark}): a read costs about the same at any size, a
     * write about 15 ms per call whatever the size, so larger batches save only round trips while a write batch
     * grows towards PHP's usual 30 s {@code max_execution_time} and the client's read timeout. 250 writes took 3.5 s
     * and 9 MiB on a busy 2-core machine: far under both limits and PHP's usual 128 MiB {@code memory_limit}, with
     * 2.5 times fewer requests than 100.
     */
    static final int CALLS_PER_BATCH = 250;

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
        List<KanboardCall> finds = new ArrayList<>();
        for (Progress progress : all) {
            CardRef ref = progress.update.card();
            if (ref.kind() == CardRef.Kind.ID) {
                finds.add(KanboardCards.getCall(ref.value()));
            } else if (progress.update.board() != null) {
                finds.add(KanboardCards.byReferenceCall(progress.update.board().id(), ref.value()));
            } else {
                progress.error = "Kanboard finds a task by reference only within a project: name the board";
                continue;
            }
            asked.add(progress);
        }
        if (asked.isEmpty()) {
            return;
        }
        List<KanboardLookup> lookups = upFrontLookups(asked);
        List<KanboardCall> reads = new ArrayList<>(lookups.stream().map(KanboardLookup::call).toList());
        reads.addAll(finds);
        List<KanboardAnswer> answers = read(reads);
        remember(lookups, answers);
        List<KanboardAnswer> found = answers.subList(lookups.size(), answers.size());
        List<Optional<KanboardTask>> tasks = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            try {
                tasks.add(KanboardCards.task(found.get(i).resultOrThrow()));
            } catch (BoardException e) {
                asked.get(i).fail(e);
                tasks.add(Optional.empty());
            }
        }
        // Cards named by id without a board: their projects are known only now. One request reads all their columns.
        List<KanboardLookup> columns = tasks.stream().flatMap(Optional::stream).map(KanboardTask::projectId).distinct()
                .map(project -> client.boards().columnsLookup(project)).flatMap(Optional::stream).toList();
        remember(columns, read(columns.stream().map(KanboardLookup::call).toList()));
        for (int i = 0; i < asked.size(); i++) {
            Progress progress = asked.get(i);
            if (progress.error != null) {
                continue;
            }
            try {
                progress.card = tasks.get(i).map(client::card).orElse(null);
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

    /**
     * The look-ups the updates will need and the client has not cached, to ride in the first read batch: the project
     * list (every card found is named with its project), the columns of the boards the updates name, and the comment
     * author when there is a comment.
     */
    private List<KanboardLookup> upFrontLookups(List<Progress> asked) {
        List<KanboardLookup> lookups = new ArrayList<>();
        client.boards().projectsLookup().ifPresent(lookups::add);
        asked.stream().map(p -> p.update.board()).filter(Objects::nonNull).map(BoardRef::id).distinct()
                .map(project -> client.boards().columnsLookup(project)).flatMap(Optional::stream).forEach(lookups::add);
        if (asked.stream().anyMatch(p -> p.update.comment() != null)) {
            client.commentUserLookup().ifPresent(lookups::add);
        }
        return lookups;
    }

    /**
     * Reads in batches of {@link #CALLS_PER_BATCH}. Reads only: the transport already retried what it could, so a
     * batch that still fails fails its calls.
     */
    private List<KanboardAnswer> read(List<KanboardCall> calls) {
        List<KanboardAnswer> answers = new ArrayList<>();
        for (List<KanboardCall> batch : batches(calls)) {
            try {
                answers.addAll(client.batch(batch));
            } catch (BoardException e) {
                batch.forEach(call -> answers.add(new KanboardAnswer(call, null, e)));
            }
        }
        return answers;
    }

    /** Stores the answered look-ups in the client's cache; a failed one is asked again where it is needed, and fails there. */
    private static void remember(List<KanboardLookup> lookups, List<KanboardAnswer> answers) {
        for (int i = 0; i < lookups.size(); i++) {
            KanboardAnswer answer = answers.get(i);
            if (!answer.failed() && answer.result() != null && !answer.result().isNull()) {
                lookups.get(i).remember().accept(answer.result());
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
        for (int start = 0; start < writes.size(); start += CALLS_PER_BATCH) {
            int end = Math.min(writes.size(), start + CALLS_PER_BATCH);
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

    /** The answers to one batch of writes; a lost answer is recovered as the class comment says. */
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

    private static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += CALLS_PER_BATCH) {
            batches.add(items.subList(start, Math.min(items.size(), start + CALLS_PER_BATCH)));
        }
        return batches;
    }
}
