package io.jenkins.plugins.projectboards.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.gate.ApprovalGate;
import io.jenkins.plugins.projectboards.client.gate.GateDecision;
import io.jenkins.plugins.projectboards.client.http.HttpEvents;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardRequest;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardResult;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.BoardEventWaiters;
import io.jenkins.plugins.projectboards.internal.ConsoleHttpEvents;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.TransientActionFactory;
import jenkins.util.SystemProperties;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The durable wait of {@code waitForCard}, shaped like {@link RunKechainServiceExecution}: it holds no thread and no
 * executor while it waits. Each look at the card is one task on Jenkins' {@link Timer} (one HTTP exchange, bounded by
 * the connection's timeouts, never on the CPS thread), after which the next look is scheduled: at once when a
 * delivery for the card arrived during the look, else after the slow poll ({@link #pollInterval}, jittered, never
 * past the deadline). A delivery for the card ({@link BoardEventWaiters}, told by the webhook dispatcher) brings the
 * next look forward to now. The decisions are the library's ({@link ApprovalGate}).
 *
 * <p>The card's id, when the gate started, where the card was last seen and whether the comment was posted are
 * fields, saved with the Pipeline: a restart opens the gate again with the same deadline and looks at once, and the
 * comment is not posted twice. A look that fails (the board unreachable for a while) is reported once and the gate
 * keeps waiting until its deadline; only the first look, which checks the arguments, fails the step.
 */
public final class WaitForCardExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(WaitForCardExecution.class.getName());

    /** The slow poll where the board's deliveries wake the gate; a board without them is looked at more often. */
    static final Duration POLL_WITH_WEBHOOKS = Duration.ofMinutes(1);
    static final Duration POLL_WITHOUT_WEBHOOKS = Duration.ofSeconds(30);
    private static final Duration MIN_PAUSE = Duration.ofMillis(100);
    /** A poll interval for every gate (milliseconds, 0: per vendor); tests set it short. */
    @Restricted(NoExternalUse.class)
    static volatile long pollMillis = SystemProperties.getLong(WaitForCardExecution.class.getName() + ".pollMillis", 0L);

    /** What the gate's deadline is measured with; tests move it forward. */
    @Restricted(NoExternalUse.class)
    static volatile Clock clock = Clock.systemUTC();

    /** The gates waiting in this Jenkins: what build pages show. */
    private static final Set<WaitForCardExecution> WAITING = ConcurrentHashMap.newKeySet();

    private final String connectionName;
    private final Boolean failOnError;
    private final boolean dryRun;
    private final String card;
    private final String board;
    private final ArrayList<String> approving;
    private final ArrayList<String> rejecting;
    private final String label;
    private final int timeoutMinutes;
    private final String comment;

    /** Set once the gate has opened; what a restart opens again. */
    private volatile String cardId;
    private volatile String cardTitle;
    private volatile String cardUrl;
    private volatile long startedAtEpochMillis;
    private volatile String lastColumn;
    private volatile boolean commented;

    private transient volatile ApprovalGate gate;
    private transient volatile Vendor vendor;
    private transient volatile String runId;
    private transient volatile String registeredConnection;
    private transient volatile Consumer<BoardEvent> waiter;
    private transient ScheduledFuture<?> task;
    private transient boolean looking;
    private transient boolean lookAgain;
    private transient volatile boolean stopped;
    /** The last failed look's message: printed once, not on every poll. */
    private transient String lastProblem;
    /** The Jenkins this execution waits in; a look still under way when it shuts down must not complete the step. */
    private transient volatile Jenkins jenkins;

    WaitForCardExecution(StepContext context, WaitForCardStep step) {
        super(context);
        WaitForCardRequest request = step.request(step.getCard());
        this.connectionName = step.getConnection();
        this.failOnError = step.getFailOnError();
        this.dryRun = step.isDryRun();
        this.card = step.getCard();
        this.board = step.getBoard();
        this.approving = new ArrayList<>(request.columns());
        this.rejecting = new ArrayList<>(request.rejectColumns());
        this.label = step.getLabel();
        this.timeoutMinutes = step.getTimeoutMinutes();
        this.comment = step.getComment();
    }

    @Override
    public boolean start() {
        jenkins = Jenkins.get();
        scheduleLook(Duration.ZERO);
        return false;
    }

    /** Opens the gate again (same deadline) and looks at the card at once. */
    @Override
    public void onResume() {
        jenkins = Jenkins.get();
        scheduleLook(Duration.ZERO);
    }

    @Override
    public void stop(Throwable cause) {
        synchronized (this) {
            stopped = true;
            if (task != null) {
                task.cancel(false);
            }
        }
        unregister();
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return cardId == null ? "opening the gate on card " + card
                : "waiting for card " + cardId + " to reach " + target() + " (now in " + lastColumn + ")";
    }

    private synchronized void scheduleLook(Duration delay) {
        if (!stopped) {
            task = Timer.get().schedule(this::look, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A delivery for this card: look now, or right after the look under way. */
    private void heard(BoardEvent event) {
        if (outlived()) {
            // Registered by a Jenkins that stopped without ending the step: the one that resumes it registers again.
            unregister();
            return;
        }
        ApprovalGate current = gate;
        if (current == null || !current.heard(event, clock.instant())) {
            return;
        }
        synchronized (this) {
            if (looking) {
                lookAgain = true;
            } else if (task != null && task.cancel(false)) {
                scheduleLook(Duration.ZERO);
            }
        }
    }

    /** One task on the timer: opens the gate or re-checks the card; ends the step or schedules the next look. */
    private void look() {
        synchronized (this) {
            if (stopped || outlived()) {
                return;
            }
            looking = true;
            lookAgain = false;
        }
        StepContext context = getContext();
        try {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            Map<String, Object> result = gate != null ? recheck(run, listener)
                    : StepRunner.run(connectionName, failOnError, run, listener, cardId == null ? this::open : this::reopen);
            if (stopped || outlived()) {
                return;
            }
            if (result != null) {
                unregister();
                context.onSuccess(result);
                return;
            }
            synchronized (this) {
                looking = false;
                double jitter = ThreadLocalRandom.current().nextDouble(0.9, 1.1);
                scheduleLook(lookAgain ? Duration.ZERO
                        : gate == null ? Duration.ofMillis(Math.round(pollInterval().toMillis() * jitter))
                        : gate.untilNextPoll(clock.instant(), pollInterval(), jitter, MIN_PAUSE));
            }
        } catch (Throwable e) {
            // Whatever went wrong, the step must end: nothing else would complete it.
            if (outlived()) {
                LOGGER.log(Level.FINE, "a look left over from a Jenkins that shut down ended", e);
            } else if (!stopped) {
                unregister();
                context.onFailure(e);
            }
        }
    }

    private Duration pollInterval() {
        long override = pollMillis;
        if (override > 0) {
            return Duration.ofMillis(override);
        }
        // KE-chain has no webhooks; Kanboard and Planka wake the gate at once when their deliveries are set up.
        return vendor == Vendor.KECHAIN ? POLL_WITHOUT_WEBHOOKS : POLL_WITH_WEBHOOKS;
    }

    /**
     * Whether the Jenkins this wait began in is shutting down or gone. Its timer is shut down with it, which
     * interrupts a look under way; that look must leave the step to the Jenkins that resumes it.
     */
    private boolean outlived() {
        Jenkins current = Jenkins.getInstanceOrNull();
        return current != jenkins || current.isTerminating();
    }

    /** The first look (also after a restart): checks the arguments, finds the card, posts the comment once. */
    private Map<String, Object> open(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        BoardOperations operations = new BoardOperations(connection.client(run), connection.getDefaultBoard());
        Instant now = clock.instant();
        boolean resumed = cardId != null;
        ApprovalGate opened = resumed
                ? operations.reopenGate(request(cardId), Instant.ofEpochMilli(startedAtEpochMillis), lastColumn, now)
                : operations.openGate(request(card), now);
        Card found = opened.card();
        String link = ConsoleLink.to(found.url(), found.title());
        if (dryRun) {
            console.line(Messages.WaitForCardStep_wouldWait(link, opened.decision().column()));
            return new WaitForCardResult(found, opened.decision(), true).toMap();
        }
        vendor = found.vendor();
        runId = run.getExternalizableId();
        if (!resumed) {
            cardId = found.id();
            cardTitle = found.title();
            cardUrl = Links.web(found.url());
            startedAtEpochMillis = now.toEpochMilli();
            // Saved now: a restart from here on must keep this deadline and card.
            getContext().saveState();
        }
        gate = opened;
        lastColumn = opened.lastColumn();
        if (opened.decision().outcome().over()) {
            return finish(console);
        }
        if (comment != null && !commented) {
            connection.client(run).comment(found, comment);
            commented = true;
            getContext().saveState();
            console.line(Messages.WaitForCardStep_commented(link));
        }
        console.line(resumed ? Messages.WaitForCardStep_resumed(link, lastColumn)
                : Messages.WaitForCardStep_waiting(link, target(),
                        lastColumn, shown(opened.deadline())));
        register(connection.getName());
        return null;
    }

    /**
     * The first look after a restart. A board that cannot be reached (yet) is looked at again on the poll until the
     * gate's deadline: a restart often comes with other outages. Anything else fails as on the first start.
     */
    private Map<String, Object> reopen(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        try {
            return quietWhileDown(() -> open(connection, run, console));
        } catch (ConnectionException e) {
            Instant deadline = Instant.ofEpochMilli(startedAtEpochMillis).plus(Duration.ofMinutes(timeoutMinutes));
            if (clock.instant().isBefore(deadline)) {
                reportOnce(console, e);
                return null;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("approved", false);
            return notApproved(console, Messages.WaitForCardStep_timedOut(cardId, timeoutMinutes, lastColumn) + ": " + e.getMessage(), map);
        }
    }

    /**
     * A later look: reads the card. A failure is printed (once while it lasts) and the gate waits on; the deadline
     * still ends it.
     */
    private Map<String, Object> recheck(Run<?, ?> run, TaskListener listener) throws Exception {
        StepConsole console = new StepConsole(listener);
        ApprovalGate current = gate;
        try {
            BoardConnection connection = ProjectBoardsConfiguration.get().connection(connectionName);
            ConsoleHttpEvents.during(listener, () -> quietWhileDown(() -> current.check(connection.client(run), clock.instant())));
            lastProblem = null;
        } catch (BoardException | IllegalArgumentException e) {
            reportOnce(console, e);
        }
        GateDecision decision = current.expire(clock.instant());
        if (decision.outcome().over()) {
            return finish(console);
        }
        if (!decision.column().equals(lastColumn)) {
            lastColumn = decision.column();
            getContext().saveState();
        }
        return null;
    }

    /**
     * A look made while the last one failed: its HTTP retries stay out of the console, as the failure itself is
     * printed once and not on every poll (they still reach the FINE log, {@code HttpEventLog}).
     */
    private <T> T quietWhileDown(Callable<T> look) throws Exception {
        if (lastProblem == null) {
            return look.call();
        }
        try (HttpEvents.Scope quiet = HttpEvents.to(HttpListener.NONE)) {
            return look.call();
        }
    }

    /** A failed look, printed when its message differs from the last one's: not on every poll of an outage. */
    private void reportOnce(StepConsole console, RuntimeException e) {
        if (!e.getMessage().equals(lastProblem)) {
            lastProblem = e.getMessage();
            console.line(Messages.WaitForCardStep_lookFailed(cardId, e.getMessage()));
        }
    }

    /** The step's result; a gate that did not approve fails the step (or, with failOnError: false, says so). */
    private Map<String, Object> finish(StepConsole console) throws AbortException {
        GateDecision decision = gate.decision();
        Map<String, Object> map = new WaitForCardResult(gate.card(), decision, false).toMap();
        String link = ConsoleLink.to(cardUrl, cardTitle);
        String by = decision.by() == null ? "" : " " + Messages.WaitForCardStep_by(decision.by());
        if (decision.approved()) {
            console.line(Messages.WaitForCardStep_approved(link, decision.column(), by));
            return map;
        }
        String reason = switch (decision.outcome()) {
            case REJECTED -> Messages.WaitForCardStep_rejected(cardId, decision.column(), by);
            case TIMED_OUT -> Messages.WaitForCardStep_timedOut(cardId, timeoutMinutes, decision.column());
            default -> Messages.WaitForCardStep_ended(cardId, decision.reason());
        };
        return notApproved(console, reason, map);
    }

    /** A gate that ended without approval fails the step, or with failOnError: false adds the reason as {@code error}. */
    private Map<String, Object> notApproved(StepConsole console, String reason, Map<String, Object> map) throws AbortException {
        if (StepRunner.failOnError(failOnError)) {
            throw new AbortException(StepConsole.prefixed(reason));
        }
        map.putAll(StepRunner.failed(console, reason));
        return map;
    }

    /** What approves, as the console and the build page say it: {@code Done, Released or label approved}. */
    private String target() {
        List<String> parts = new ArrayList<>();
        if (!approving.isEmpty()) {
            parts.add(String.join(", ", approving));
        }
        if (label != null) {
            parts.add("label " + label);
        }
        return String.join(" or ", parts);
    }

    private WaitForCardRequest request(String cardText) {
        return new WaitForCardRequest(cardText, board, approving, rejecting, label, timeoutMinutes, dryRun);
    }

    private void register(String connection) {
        registeredConnection = connection;
        waiter = this::heard;
        BoardEventWaiters.add(connection, waiter);
        WAITING.add(this);
    }

    private void unregister() {
        WAITING.remove(this);
        Consumer<BoardEvent> registered = waiter;
        if (registered != null) {
            BoardEventWaiters.remove(registeredConnection, registered);
        }
    }

    /** How many gates wait in this Jenkins (for tests). */
    static int waiting() {
        return (int) WAITING.stream().filter(execution -> !execution.outlived()).count();
    }

    /** What a build waits for, on its page; made from the gates waiting now, never saved with the build. */
    @Restricted(NoExternalUse.class)
    public static final class WaitingAction implements Action {
        private final WaitForCardExecution execution;

        WaitingAction(WaitForCardExecution execution) {
            this.execution = execution;
        }

        public String getCardTitle() {
            return execution.cardTitle == null ? execution.cardId : execution.cardTitle;
        }

        /** http(s) only, as console links. */
        public String getCardUrl() {
            return execution.cardUrl;
        }

        public String getColumns() {
            return execution.target();
        }

        public String getColumn() {
            return execution.lastColumn;
        }

        public String getDeadline() {
            ApprovalGate current = execution.gate;
            return current == null ? null : shown(current.deadline());
        }

        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return null;
        }

        @Override
        public String getUrlName() {
            return null;
        }
    }

    @Extension
    @SuppressWarnings("rawtypes")
    public static final class WaitingActionFactory extends TransientActionFactory<Run> {
        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @Override
        public Collection<? extends Action> createFor(Run target) {
            String id = target.getExternalizableId();
            List<Action> actions = new ArrayList<>();
            for (WaitForCardExecution execution : WAITING) {
                if (id.equals(execution.runId) && !execution.outlived()) {
                    actions.add(new WaitingAction(execution));
                }
            }
            return actions;
        }
    }

    /** A deadline as people read it: to the second, in UTC ({@code 2026-12-01T14:00:00Z}). */
    static String shown(Instant deadline) {
        return deadline.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
