package io.jenkins.plugins.projectboards.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.kechain.KechainClient;
import io.jenkins.plugins.projectboards.client.kechain.KechainExecution;
import io.jenkins.plugins.projectboards.client.kechain.KechainService;
import io.jenkins.plugins.projectboards.client.kechain.KechainServiceRun;
import io.jenkins.plugins.projectboards.client.kechain.KechainServices;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.ConsoleHttpEvents;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A durable execution that holds no thread while it waits, like {@code sleep} and {@code sh}: each look at KE-chain
 * is one task on Jenkins' {@link Timer} that schedules the next one after the pause {@link KechainServiceRun} asks
 * for. A task runs for one HTTP exchange at most (bounded by the connection's timeouts and retries), never on the CPS
 * thread. The execution id and deadline are fields, so the Pipeline's saved state carries them over a restart and
 * {@link #onResume()} looks at the same execution again instead of starting the service twice; a step that did not
 * wait ({@code wait: false}) just returns what KE-chain answered at the start. Stopping the build cancels the next
 * look and tells KE-chain to terminate the execution, once.
 */
public final class RunKechainServiceExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RunKechainServiceExecution.class.getName());

    private final String connectionName;
    private final Boolean failOnError;
    private final boolean dryRun;
    private final String scope;
    private final String service;
    private final boolean wait;
    private final int timeoutMinutes;
    private final String ifRunning;

    /** Set once KE-chain has answered the start; what a restart resumes (or, without waiting, returns). */
    private volatile String executionId;
    private volatile boolean attached;
    private volatile String serviceName;
    private volatile String url;
    private volatile long deadlineEpochMillis;
    private volatile String lastStatus;

    /** Where the wait stands between two looks; rebuilt from the fields above after a restart. */
    private transient volatile KechainServiceRun.Progress progress;
    private transient volatile ScheduledFuture<?> task;
    private transient volatile boolean stopped;
    private transient boolean terminateSent;
    /** The Jenkins this execution waits in; a look still under way when it shuts down must not complete the step. */
    private transient volatile Jenkins jenkins;

    RunKechainServiceExecution(StepContext context, RunKechainServiceStep step) {
        super(context);
        this.connectionName = step.getConnection();
        this.failOnError = step.getFailOnError();
        this.dryRun = step.isDryRun();
        this.scope = step.getScope();
        this.service = step.getService();
        this.wait = step.isWait();
        this.timeoutMinutes = step.getTimeoutMinutes();
        this.ifRunning = step.getIfRunning();
    }

    @Override
    public boolean start() {
        jenkins = Jenkins.get();
        schedule(Duration.ZERO, this::startService);
        return false;
    }

    @Override
    public void onResume() {
        if (executionId == null) {
            getContext().onFailure(new AbortException(StepConsole.prefixed(
                    Messages.RunKechainServiceStep_restartedBeforeStart(service))));
            return;
        }
        jenkins = Jenkins.get();
        schedule(Duration.ZERO, wait ? this::resumeWaiting : this::resumeDetached);
    }

    /** Cancels the next look; a look under way sees {@link #stopped} when it returns and does nothing more. */
    @Override
    public void stop(Throwable cause) {
        stopped = true;
        ScheduledFuture<?> next = task;
        if (next != null) {
            next.cancel(false);
        }
        String id = executionId;
        if (id != null) {
            // On the timer: stop() may be called on the CPS thread, where no network call belongs.
            Timer.get().execute(() -> terminateOnce(id));
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return executionId == null
                ? "starting KE-chain service " + service
                : "waiting for KE-chain execution " + executionId + " (" + lastStatus + ")";
    }

    private void schedule(Duration delay, StepWork work) {
        task = Timer.get().schedule(() -> look(work), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One task on the timer: runs {@code work}, which either returns the step's result or schedules the next look
     * and returns {@code null}.
     */
    private void look(StepWork work) {
        if (stopped || outlived()) {
            return;
        }
        StepContext context = getContext();
        try {
            Map<String, Object> result = StepRunner.run(connectionName, failOnError, context.get(Run.class),
                    context.get(TaskListener.class), work);
            if (stopped) {
                // Stopped during this look: if KE-chain was answering the start, stop() did not know the execution.
                terminateOnce(executionId);
            } else if (result != null && !outlived()) {
                context.onSuccess(result);
            }
        } catch (Throwable e) {
            // Whatever went wrong, the step must end: nothing else would complete it.
            if (outlived()) {
                LOGGER.log(Level.FINE, "a look left over from a Jenkins that shut down ended", e);
            } else if (!stopped) {
                context.onFailure(e);
            }
        }
    }

    /**
     * Whether the Jenkins this wait began in is shutting down or gone. Its timer is shut down with it, which
     * interrupts a look under way; that look must leave the step to the Jenkins that resumes it.
     */
    private boolean outlived() {
        Jenkins current = Jenkins.getInstanceOrNull();
        return current != jenkins || current.isTerminating();
    }

    private Map<String, Object> startService(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        KechainClient client = kechain(connection, run);
        KechainServiceRun.IfRunning mode = KechainServiceRun.IfRunning.parse(ifRunning);
        KechainServiceRun serviceRun = client.serviceRun();
        Instant deadline = serviceRun.deadline(timeoutMinutes);
        KechainService target = client.service(scope, service);
        serviceName = target.name();
        if (dryRun) {
            console.line(Messages.RunKechainServiceStep_wouldRun(target.name(), scope));
            Map<String, Object> map = new KechainServiceRun.Result(null, null, null, null, false, false).toMap();
            map.put("dryRun", true);
            return map;
        }
        deadlineEpochMillis = deadline.toEpochMilli();
        Listener listener = new Listener(console);
        return wait
                ? next(serviceRun.start(target.id(), mode, deadline, listener), console)
                : finish(serviceRun.startWithoutWaiting(target.id(), mode, listener), console);
    }

    private Map<String, Object> poll(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        return next(kechain(connection, run).serviceRun().poll(progress, new Listener(console)), console);
    }

    private Map<String, Object> resumeWaiting(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        console.line(Messages.RunKechainServiceStep_resuming(executionId));
        progress = KechainServiceRun.Progress.following(executionId, attached, Instant.ofEpochMilli(deadlineEpochMillis));
        return poll(connection, run, console);
    }

    /** Without waiting, the step's answer is what KE-chain said at the start; the execution is left alone. */
    private Map<String, Object> resumeDetached(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        console.line(Messages.RunKechainServiceStep_resumedWithoutWaiting(executionId));
        return finish(new KechainServiceRun.Result(executionId, lastStatus, url, null, attached, false), console);
    }

    /** The result once the run is over; else the next look is scheduled and the answer is {@code null}. */
    private Map<String, Object> next(KechainServiceRun.Progress now, StepConsole console) throws AbortException {
        if (now.over()) {
            return finish(now.result(), console);
        }
        progress = now;
        lastStatus = now.status();
        schedule(now.pause(), this::poll);
        return null;
    }

    /** Prints the log; a run that did not complete fails the step (or, with failOnError: false, says so in the map). */
    private Map<String, Object> finish(KechainServiceRun.Result result, StepConsole console) throws AbortException {
        if (result.log() != null) {
            console.block(Messages.RunKechainServiceStep_log(result.executionId()), result.log());
        }
        Map<String, Object> map = result.toMap();
        map.put("dryRun", false);
        if (!wait || result.succeeded()) {
            return map;
        }
        String reason = result.timedOut()
                ? Messages.RunKechainServiceStep_timedOut(serviceName, result.executionId(), timeoutMinutes, result.status())
                : Messages.RunKechainServiceStep_ended(serviceName, result.executionId(), result.status());
        if (StepRunner.failOnError(failOnError)) {
            throw new AbortException(StepConsole.prefixed(reason));
        }
        map.putAll(StepRunner.failed(console, reason));
        return map;
    }

    private static KechainClient kechain(BoardConnection connection, Run<?, ?> run) {
        BoardClient client = connection.client(run);
        if (client instanceof KechainClient kechain) {
            return kechain;
        }
        throw new ValidationException(client.vendor(), "runKechainService", 0, "connection",
                Messages.RunKechainServiceStep_notKechain(connection.getName(), client.vendor().displayName()));
    }

    /** Whether this call is the one that sends the terminate request: stop() and a look under way may both try. */
    private synchronized boolean claimTerminate() {
        boolean first = !terminateSent;
        terminateSent = true;
        return first;
    }

    private void terminateOnce(String id) {
        if (id == null || !claimTerminate()) {
            return;
        }
        StepContext context = getContext();
        try {
            TaskListener listener = context.get(TaskListener.class);
            BoardConnection connection = ProjectBoardsConfiguration.get().connection(connectionName);
            KechainServices services = kechain(connection, context.get(Run.class)).services();
            ConsoleHttpEvents.during(listener, () -> {
                services.terminate(id);
                return null;
            });
            new StepConsole(listener).line(Messages.RunKechainServiceStep_terminated(id));
        } catch (BoardException | IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "Could not terminate KE-chain execution " + id + ": " + e.getMessage());
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not terminate KE-chain execution " + id, e);
        }
    }

    /** Prints the start and each status change, and saves the execution id as soon as it is known. */
    private final class Listener implements KechainServiceRun.Listener {
        private final StepConsole console;

        Listener(StepConsole console) {
            this.console = console;
        }

        @Override
        public void started(KechainExecution execution, boolean alreadyRunning) {
            executionId = execution.id();
            attached = alreadyRunning;
            url = execution.url();
            lastStatus = execution.status();
            // Persist the id now: a restart from here on must follow this execution, not start another.
            getContext().saveState();
            String service = ConsoleLink.to(execution.url(), serviceName);
            console.line(alreadyRunning ? Messages.RunKechainServiceStep_attached(service, execution.id())
                    : Messages.RunKechainServiceStep_started(service, execution.id()));
        }

        @Override
        public void statusChanged(KechainExecution execution) {
            lastStatus = execution.status();
            console.line(Messages.RunKechainServiceStep_status(execution.id(), execution.status()));
        }
    }
}
