package io.jenkins.plugins.projectboards.client.kanboard;

import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Many card updates in few requests: one JSON-RPC batch finds every card, one writes every comment and move (in
 * chunks of {@link #CHUNK} calls). Projects and columns come from the client's name cache, so each board costs one
 * lookup. Each card fails alone, with the error Kanboard gave for its call.
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
        boolean commented;
        boolean moved;

        Progress(CardUpdate update) {
            this.update = update;
        }

        CardUpdateOutcome outcome() {
            if (error != null) {
                return CardUpdateOutcome.failed(update, card, commented, error);
            }
            Card after = moved ? new Card(card.vendor(), card.id(), card.title(), card.url(), card.board(), target, card.reference()) : card;
            return new CardUpdateOutcome(update, after, commented, moved, card.column().name(), null);
        }
    }

    List<CardUpdateOutcome> apply(List<CardUpdate> updates) {
        List<Progress> all = updates.stream().map(Progress::new).toList();
        find(all);
        write(all);
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
        List<KanboardAnswer> answers = batches(calls);
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
                progress.error = e.getMessage();
            }
        }
    }

    private void write(List<Progress> all) {
        List<Progress> commenting = all.stream().filter(p -> p.error == null && p.update.comment() != null).toList();
        String author = null;
        if (!commenting.isEmpty()) {
            try {
                author = client.commentUserId();
            } catch (BoardException e) {
                commenting.forEach(progress -> progress.error = e.getMessage());
            }
        }
        List<Runnable> onSuccess = new ArrayList<>();
        List<Progress> owners = new ArrayList<>();
        List<KanboardCall> calls = new ArrayList<>();
        for (Progress progress : all) {
            if (progress.error != null) {
                continue;
            }
            if (progress.update.comment() != null) {
                calls.add(KanboardComments.createCall(progress.card.id(), author, progress.update.comment()));
                owners.add(progress);
                onSuccess.add(() -> progress.commented = true);
            }
            if (progress.target != null && !progress.target.id().equals(progress.card.column().id())) {
                calls.add(KanboardCards.moveCall(progress.card.board().id(), progress.card.id(), progress.target.id(), Position.BOTTOM));
                owners.add(progress);
                onSuccess.add(() -> progress.moved = true);
            }
        }
        List<KanboardAnswer> answers = batches(calls);
        for (int i = 0; i < calls.size(); i++) {
            if (answers.get(i).failed()) {
                owners.get(i).error = answers.get(i).error().getMessage();
            } else {
                onSuccess.get(i).run();
            }
        }
    }

    /**
     * The answers to {@code calls}, in order, sent {@link #CHUNK} at a time. A chunk that fails as a whole (the
     * server unreachable) becomes that error on each of its calls.
     */
    private List<KanboardAnswer> batches(List<KanboardCall> calls) {
        List<KanboardAnswer> answers = new ArrayList<>();
        for (int start = 0; start < calls.size(); start += CHUNK) {
            List<KanboardCall> chunk = calls.subList(start, Math.min(calls.size(), start + CHUNK));
            try {
                answers.addAll(client.batch(chunk));
            } catch (BoardException e) {
                chunk.forEach(call -> answers.add(new KanboardAnswer(call, null, e)));
            }
        }
        return answers;
    }
}
