package io.jenkins.plugins.projectboards.tracking;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.failure.FailureCards;
import io.jenkins.plugins.projectboards.client.failure.JobBuild;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.FailureCardRequest;
import io.jenkins.plugins.projectboards.client.ops.FailureCardResult;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code notifyBoard(openOnFailure: …)}: the job's failure card ({@link FailureCards}) as Jenkins sees the job. The
 * library decides and writes; this reads the build history and keeps builds of one job apart.
 */
final class FailureCardTracking {
    /**
     * One failure card update at a time per job and connection: of two builds of one break finishing together, the
     * second finds the card the first opened, so one break never gets two cards. Across a restart the create by
     * reference (with its lost-create recovery) keeps that promise.
     */
    private static final Map<String, ReentrantLock> UPDATING = new ConcurrentHashMap<>();

    private FailureCardTracking() {}

    /**
     * Opens, comments on or fixes the job's failure card, one console line for what was done.
     *
     * @param failed where a failure is added (as the notified cards' are), so {@code failOnError} treats it alike
     * @return the library's result map, or {@code null} when the board could not be updated
     */
    static Map<String, Object> update(BoardConnection connection, Run<?, ?> run, StepConsole console,
            CardTracking.FailureCardSettings settings, boolean dryRun, List<Map<String, Object>> failed)
            throws AbortException, InterruptedException {
        JobBuild build = jobBuild(run, new FailureCards(settings.results()));
        FailureCardRequest request = new FailureCardRequest(settings.board(), settings.column(), settings.labels(),
                settings.results(), settings.moveOnSuccess(), build, dryRun);
        return CardTracking.underJobLock(UPDATING, connection, run,
                () -> console.line(Messages.CardTracking_failureCardWaiting(connection.getName())), () -> {
                    try {
                        FailureCardResult result = new BoardOperations(connection.client(run), connection.getDefaultBoard()).failureCard(request);
                        report(connection, run, console, result);
                        return result.toMap();
                    } catch (BoardException e) {
                        LinkedCardsAction.record(run, CardTracking.fail(connection, console, failed,
                                Messages.CardTracking_failureCardName(build.job()), e.getMessage()));
                        return null;
                    }
                });
    }

    private static void report(BoardConnection connection, Run<?, ?> run, StepConsole console, FailureCardResult result) {
        Card card = result.card();
        String link = card == null ? null : ConsoleLink.to(card.url(), card.title());
        String message = switch (result.action()) {
            case NONE -> null;
            case FIXED_WITHOUT_CARD -> Messages.CardTracking_failureCardGone(result.reference());
            case OPEN -> result.dryRun() ? Messages.CardTracking_failureCardWouldOpen(result.reference(), card.column().name())
                    : Messages.CardTracking_failureCardOpened(link);
            case STILL_FAILING -> result.dryRun() ? Messages.CardTracking_failureCardWouldComment(link)
                    : Messages.CardTracking_failureCardStillFailing(link);
            case FIXED -> result.dryRun() ? Messages.CardTracking_failureCardWouldFix(link, result.moved() ? card.column().name() : "-")
                    : result.moved() ? Messages.CardTracking_failureCardFixedMoved(link, card.column().name())
                    : Messages.CardTracking_failureCardFixed(link);
        };
        if (message != null) {
            console.line(message);
        }
        if (card != null && !result.dryRun()) {
            LinkedCard.What what = switch (result.action()) {
                case OPEN -> LinkedCard.What.CREATED;
                case FIXED -> result.moved() ? LinkedCard.What.MOVED : LinkedCard.What.COMMENTED;
                default -> LinkedCard.What.COMMENTED;
            };
            LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), card, what, Messages.CardTracking_failureCardDetail()));
        }
    }

    /**
     * The build and the history the decision needs: the previous result that says something about the job's health,
     * and the last healthy build. Builds still running are skipped: of concurrent builds, only finished ones count.
     * At most {@link BuildChanges#lookback()} builds are loaded; a break longer than that finds its last healthy build
     * through Jenkins' permalink (kept by log rotation), so its reference does not change as old builds go.
     */
    static JobBuild jobBuild(Run<?, ?> run, FailureCards policy) {
        Result current = run.getResult();
        String result = (current == null ? Result.SUCCESS : current).toString();
        String previous = null;
        int lastHealthy = -1;
        int looked = 0;
        for (Run<?, ?> older = run.getPreviousBuild(); older != null && looked < BuildChanges.lookback() && (previous == null || lastHealthy < 0);
                older = older.getPreviousBuild(), looked++) {
            Result done = older.isBuilding() ? null : older.getResult();
            if (done == null) {
                continue;
            }
            if (previous == null && done != Result.ABORTED && done != Result.NOT_BUILT) {
                previous = done.toString();
            }
            if (lastHealthy < 0 && policy.healthy(done.toString())) {
                lastHealthy = older.getNumber();
            }
        }
        if (lastHealthy < 0) {
            Job<?, ?> job = run.getParent();
            Run<?, ?> permalink = policy.healthy("UNSTABLE") ? job.getLastSuccessfulBuild() : job.getLastStableBuild();
            lastHealthy = permalink != null && permalink.getNumber() < run.getNumber() ? permalink.getNumber() : 0;
        }
        return new JobBuild(run.getParent().getFullName(), run.getFullDisplayName(), run.getNumber(), BuildChanges.url(run), result,
                previous, lastHealthy);
    }
}
