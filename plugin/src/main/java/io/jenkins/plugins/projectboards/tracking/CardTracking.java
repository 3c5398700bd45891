package io.jenkins.plugins.projectboards.tracking;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import io.jenkins.plugins.projectboards.client.release.BuildNotification;
import io.jenkins.plugins.projectboards.client.release.BuildSummary;
import io.jenkins.plugins.projectboards.client.release.Change;
import io.jenkins.plugins.projectboards.client.release.NotificationText;
import io.jenkins.plugins.projectboards.client.release.ReleaseLedger;
import io.jenkins.plugins.projectboards.client.release.ReleasePlan;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Build notifications and release tracking as both the Pipeline steps and the freestyle post-build actions run them:
 * which cards, what to write, the bulk update, one console line per card, the record on the build, the result map.
 * Best effort unless {@code strict}: a card that cannot be updated is reported, not fatal.
 */
public final class CardTracking {
    /** Cards updated at once on vendors without a batch API. */
    static final int PARALLELISM = 8;
    /** One lock per job and connection (the key joins their names); see {@link #release}. */
    private static final Map<String, ReentrantLock> RELEASING = new ConcurrentHashMap<>();

    private CardTracking() {}

    /**
     * The arguments of {@code notifyBoard}; {@code cards} empty means the build's own cards.
     *
     * @param failureCard the job's failure card, or {@code null} for none
     */
    public record NotifyRequest(List<String> cards, String board, BuildNotification notification, FailureCardSettings failureCard,
            boolean dryRun, boolean strict) {}

    /**
     * {@code notifyBoard}'s {@code openOnFailure}, with its board already defaulted to the step's.
     *
     * @param moveOnSuccess where the card goes when the job is fixed; {@code null} leaves it
     */
    public record FailureCardSettings(String board, String column, List<String> labels, List<String> results, String moveOnSuccess) {}

    /** The arguments of {@code releaseCards}. */
    public record ReleaseRequest(String version, String board, String moveTo, boolean comment, boolean dryRun, boolean strict) {}

    /** Comments the build's result on its cards (or the ones {@code request} names) and moves them by result. */
    public static Map<String, Object> notifyCards(BoardConnection connection, Run<?, ?> run, StepConsole console, NotifyRequest request)
            throws AbortException, InterruptedException {
        List<Change> changes = BuildChanges.of(run);
        List<CardRef> cards = new ArrayList<>();
        if (request.cards().isEmpty()) {
            LinkedCardsAction linked = run.getAction(LinkedCardsAction.class);
            if (linked != null) {
                linked.cardIds(connection.getName()).forEach(id -> cards.add(CardRef.id(id)));
            }
            cards.addAll(connection.scanner().scanAll(changes.stream().map(Change::message).toList()));
        } else {
            request.cards().forEach(text -> cards.add(CardRef.parse(text)));
        }
        if (cards.isEmpty() && request.failureCard() == null) {
            // With a failure card asked for, its own line says what was done; "no cards" would read as if nothing was.
            console.line(Messages.CardTracking_noCards(connection.getName()));
        }
        BuildSummary build = BuildChanges.summary(run, changes);
        Outcomes outcomes = update(connection, run, console, cards, request.board(), request.dryRun(), LinkedCard.What.NOTIFIED,
                board -> request.notification().updates(cards, board, build), outcome -> {});
        Map<String, Object> failureCard = request.failureCard() == null ? null
                : FailureCardTracking.update(connection, run, console, request.failureCard(), request.dryRun(), outcomes.failed());
        failIfStrict(request.strict(), outcomes.failed());
        Map<String, Object> result = result(outcomes, null, request.dryRun());
        if (request.failureCard() != null) {
            result.put("failureCard", failureCard);
        }
        return result;
    }

    /**
     * One release at a time per job and connection: a build that releases while another is releasing waits (on its
     * own thread: a Pipeline step runs off the CPS thread), then starts from the ledger that one left, so no card is
     * released twice by builds running side by side.
     */
    public static Map<String, Object> release(BoardConnection connection, Run<?, ?> run, StepConsole console, ReleaseRequest request)
            throws AbortException, InterruptedException {
        if (request.version() == null || request.version().isBlank()) {
            throw new IllegalArgumentException(Messages.CardTracking_versionRequired());
        }
        return underJobLock(RELEASING, connection, run, () -> console.line(Messages.CardTracking_waiting(connection.getName())),
                () -> releaseLocked(connection, run, console, request));
    }

    /** Work that runs while this job's lock for a connection is held. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run() throws AbortException;
    }

    /**
     * Runs {@code work} holding the lock of {@code locks} for this job and connection (fair, so builds take turns in
     * the order they came), telling {@code waiting} first when another build holds it. The wait is interruptible: an
     * aborted build stops waiting at once.
     */
    static <T> T underJobLock(Map<String, ReentrantLock> locks, BoardConnection connection, Run<?, ?> run, Runnable waiting,
            LockedWork<T> work) throws AbortException, InterruptedException {
        ReentrantLock lock = locks.computeIfAbsent(run.getParent().getFullName() + "\u0000" + connection.getName(),
                key -> new ReentrantLock(true));
        if (!lock.tryLock()) {
            waiting.run();
            lock.lockInterruptibly();
        }
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Object> releaseLocked(BoardConnection connection, Run<?, ?> run, StepConsole console, ReleaseRequest request)
            throws AbortException {
        String version = request.version().strip();
        String name = connection.getName();
        List<Change> changes = BuildChanges.sinceLastSuccess(run);
        List<CardRef> referenced = connection.scanner().scanAll(changes.stream().map(Change::message).toList());
        ReleaseLedgerAction latest = ReleaseLedgerAction.latest(run, name);
        ReleaseLedger ledger = latest == null ? ReleaseLedger.empty() : latest.ledger();
        long generation = latest == null ? 1 : latest.getGeneration() + 1;
        ReleasePlan plan = ledger.plan(version, referenced);
        plan.alreadyReleased().forEach(card -> console.line(Messages.CardTracking_alreadyReleased(card.text(), version)));
        if (plan.toUpdate().isEmpty() && plan.alreadyReleased().isEmpty()) {
            console.line(Messages.CardTracking_noCards(name));
        }
        if (!request.dryRun()) {
            // Saved before the first write: should Jenkins stop part-way, the next build finds every card still to do.
            ReleaseLedgerAction.keep(run, name, generation, ledger.record(plan, List.of()).ledger());
        }
        String text = request.comment() ? NotificationText.releaseComment(version, BuildChanges.summary(run, changes)) : null;
        List<CardUpdateOutcome> done = new ArrayList<>();
        Outcomes outcomes = update(connection, run, console, plan.toUpdate(), request.board(), request.dryRun(), LinkedCard.What.RELEASED,
                board -> plan.updates(board, text, blankToNull(request.moveTo())), outcome -> {
                    // Called one card at a time: each card done is on disk before the next one is reported.
                    done.add(outcome);
                    ReleaseLedgerAction.keep(run, name, generation, ledger.record(plan, done).ledger());
                });
        if (!request.dryRun()) {
            ReleaseLedger.Recorded recorded = ledger.record(plan, done);
            recorded.ledger().carried().keySet().forEach(card -> console.line(Messages.CardTracking_carried(card)));
            recorded.givenUp().forEach(card -> console.line(Messages.CardTracking_givenUp(card, ReleaseLedger.MAX_ATTEMPTS)));
        }
        failIfStrict(request.strict(), outcomes.failed());
        return result(outcomes, plan.alreadyReleased().stream().map(CardRef::text).toList(), request.dryRun());
    }

    /** Turns the board (when references need one) into the updates to make. */
    @FunctionalInterface
    private interface Updates {
        List<CardUpdate> on(BoardRef board);
    }

    /** What the updates came to, for the result map: the ids of the updated cards and one entry per failed card. */
    private record Outcomes(List<String> updated, List<Map<String, Object>> failed) {}

    /**
     * The step's result: only strings, booleans, lists and maps, which the Pipeline sandbox lets a script read.
     *
     * @param skipped the cards left alone because they were already released; {@code null} for a notification
     */
    private static Map<String, Object> result(Outcomes outcomes, List<String> skipped, boolean dryRun) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", outcomes.updated());
        result.put("failed", outcomes.failed());
        if (skipped != null) {
            result.put("skipped", new ArrayList<>(skipped));
        }
        result.put("dryRun", dryRun);
        return result;
    }

    /** Makes the updates, reports each card, and tells {@code progress} each outcome as soon as it is known. */
    private static Outcomes update(BoardConnection connection, Run<?, ?> run, StepConsole console, List<CardRef> cards,
            String boardName, boolean dryRun, LinkedCard.What what, Updates updates, Consumer<CardUpdateOutcome> progress) {
        Outcomes result = new Outcomes(new ArrayList<>(), new ArrayList<>());
        if (cards.isEmpty()) {
            return result;
        }
        BoardClient client = connection.client(run);
        List<CardUpdate> planned;
        try {
            planned = updates.on(boardFor(client, connection, cards, boardName));
        } catch (BoardException e) {
            // The board itself could not be read: every card fails with that reason, nothing is half done.
            LinkedCardsAction.record(run, cards.stream().map(card -> fail(connection, console, result.failed(), card.text(), e.getMessage())).toList());
            return result;
        }
        if (dryRun) {
            planned.forEach(update -> console.line(Messages.CardTracking_wouldUpdate(update.card().text(),
                    update.comment() != null, update.moveTo() == null ? "-" : update.moveTo())));
            return result;
        }
        List<CardUpdateOutcome> outcomes = client.updateCards(planned, PARALLELISM, progress);
        List<LinkedCard> linked = new ArrayList<>();
        for (CardUpdateOutcome outcome : outcomes) {
            if (outcome.succeeded()) {
                String detail = detail(outcome);
                String card = ConsoleLink.to(outcome.card().url(), outcome.card().title());
                console.line(what == LinkedCard.What.RELEASED ? Messages.CardTracking_released(card, detail)
                        : Messages.CardTracking_notified(card, detail));
                linked.add(LinkedCard.of(connection.getName(), outcome.card(), what, detail));
                result.updated().add(outcome.card().id());
            } else {
                linked.add(fail(connection, console, result.failed(), outcome.key(), outcome.error()));
            }
        }
        LinkedCardsAction.record(run, linked);
        return result;
    }

    private static BoardRef boardFor(BoardClient client, BoardConnection connection, List<CardRef> cards, String boardName) {
        boolean needed = cards.stream().anyMatch(card -> card.kind() == CardRef.Kind.REFERENCE);
        String name = blankToNull(boardName) != null ? boardName.strip() : connection.getDefaultBoard();
        return needed && name != null ? client.resolveBoard(name) : null;
    }

    private static String detail(CardUpdateOutcome outcome) {
        List<String> done = new ArrayList<>();
        if (outcome.commented()) {
            done.add(Messages.CardTracking_commented());
        }
        if (outcome.moved()) {
            done.add(outcome.previousColumn() + " \u2192 " + outcome.card().column().name());
        }
        return done.isEmpty() ? Messages.CardTracking_unchanged() : "(" + String.join("; ", done) + ")";
    }

    /** Says why {@code card} was not updated, adds it to the result's {@code failed}, and returns its entry for the build. */
    static LinkedCard fail(BoardConnection connection, StepConsole console, List<Map<String, Object>> failed, String card, String reason) {
        console.line(Messages.CardTracking_notUpdated(card, reason));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("card", card);
        entry.put("error", reason);
        failed.add(entry);
        return new LinkedCard(connection.getName(), connection.vendor().displayName(), card, null, null, LinkedCard.What.FAILED, reason);
    }

    private static void failIfStrict(boolean strict, List<Map<String, Object>> failed) throws AbortException {
        if (strict && !failed.isEmpty()) {
            throw new AbortException(StepConsole.prefixed(Messages.CardTracking_failedStrict(failed.size())));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
