package io.jenkins.plugins.projectboards.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.kechain.KechainClient;
import io.jenkins.plugins.projectboards.client.kechain.KechainExecution;
import io.jenkins.plugins.projectboards.client.kechain.KechainService;
import io.jenkins.plugins.projectboards.client.kechain.KechainServiceRun;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.ContextResettingExecutorService;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A durable execution: the waiting happens on a pool thread, and the execution id and deadline are fields, so the
 * Pipeline's saved state carries them over a controller restart and {@link #onResume()} follows the same execution
 * again instead of starting the service twice. Stopping the build tells KE-chain to terminate the execution.
 */
public final class RunKechainServiceExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RunKechainServiceExecution.class.getName());

    /** Waiting threads, one per running step; they sleep between polls, so they are cheap. */
    private static final ExecutorService WAITERS = new ContextResettingExecutorService(Executors.newCachedThreadPool(
            new NamingThreadFactory(new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "runKechainService")));

    private final String connectionName;
    private final Boolean failOnError;
    private final boolean dryRun;
    private final String scope;
    private final String service;
    private final boolean wait;
    private final int timeoutMinutes;
    private final String ifRunning;

    /** Set once KE-chain has answered the start; what a restart resumes. */
    private volatile String executionId;
    private volatile boolean attached;
    private volatile String serviceName;
    private volatile long deadlineEpochMillis;
    private volatile String lastStatus;

    private transient volatile Future<?> task;
    private transient volatile boolean stopped;
    /** The Jenkins this execution waits in; a thread left from one that shut down must not complete the step. */
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
        jenkins = Jenkins.getInstanceOrNull();
        task = WAITERS.submit(() -> complete(this::startService));
        return false;
    }

    @Override
    public void onResume() {
        if (executionId == null) {
            getContext().onFailure(new AbortException(StepConsole.prefixed(
                    Messages.RunKechainServiceStep_restartedBeforeStart(service))));
            return;
        }
        jenkins = Jenkins.getInstanceOrNull();
        task = WAITERS.submit(() -> complete(this::resumeService));
    }

    /**
     * Interrupting the waiting thread makes it terminate the execution ({@link KechainServiceRun} does while it
     * sleeps, {@link #complete} while it calls KE-chain); only when no thread waits is terminating done here.
     */
    @Override
    public void stop(Throwable cause) {
        stopped = true;
        Future<?> waiting = task;
        if (waiting == null || !waiting.cancel(true)) {
            String id = executionId;
            if (id != null) {
                // On a pool thread: stop() may be called where no network call belongs.
                WAITERS.submit(() -> terminate(id));
            }
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return executionId == null
                ? "starting KE-chain service " + service
                : "waiting for KE-chain execution " + executionId + " (" + lastStatus + ")";
    }

    private void complete(BoardActionRunner.Action action) {
        StepContext context = getContext();
        try {
            Map<String, Object> result = BoardActionRunner.run(connectionName, failOnError, context.get(Run.class),
                    context.get(TaskListener.class), action);
            if (!stopped && !outlived()) {
                context.onSuccess(result);
            }
        } catch (Throwable e) {
            if (outlived()) {
                LOGGER.log(Level.FINE, "a wait left over from a Jenkins that shut down ended", e);
            } else if (!stopped) {
                context.onFailure(e);
            } else if (e instanceof CancellationException) {
                // Stopped while waiting between polls: the run has already told KE-chain to terminate.
                print(e.getMessage());
            } else if (executionId != null) {
                // Stopped during a call to KE-chain: clear the interrupt so that the terminate request can go out.
                Thread.interrupted();
                terminate(executionId);
            }
        }
    }

    private void print(String message) {
        try {
            new StepConsole(getContext().get(TaskListener.class)).line(message);
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "the build's console is gone", e);
        }
    }

    /**
     * Whether the Jenkins this wait began in has shut down. In production the JVM ends with it; a Jenkins restarted
     * in the same JVM (as tests do) resumes the step on a new thread, and this one must leave it alone.
     */
    private boolean outlived() {
        return Jenkins.getInstanceOrNull() != jenkins;
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
        KechainServiceRun.Result result = wait
                ? serviceRun.start(target.id(), mode, deadline, listener)
                : serviceRun.startWithoutWaiting(target.id(), mode, listener);
        return finish(result, console);
    }

    private Map<String, Object> resumeService(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception {
        console.line(Messages.RunKechainServiceStep_resuming(executionId));
        KechainServiceRun.Result result = kechain(connection, run).serviceRun()
                .resume(executionId, attached, Instant.ofEpochMilli(deadlineEpochMillis), new Listener(console));
        return finish(result, console);
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
        if (BoardActionRunner.failOnError(failOnError)) {
            throw new AbortException(StepConsole.prefixed(reason));
        }
        map.putAll(BoardActionRunner.failed(console, reason));
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

    private void terminate(String id) {
        StepContext context = getContext();
        try {
            StepConsole console = new StepConsole(context.get(TaskListener.class));
            BoardConnection connection = ProjectBoardsConfiguration.get().connection(connectionName);
            kechain(connection, context.get(Run.class)).services().terminate(id);
            console.line(Messages.RunKechainServiceStep_terminated(id));
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
            lastStatus = execution.status();
            // Persist the id now: a restart from here on must follow this execution, not start another.
            getContext().saveState();
            console.linkLine(alreadyRunning ? Messages.RunKechainServiceStep_attached() : Messages.RunKechainServiceStep_started(),
                    execution.url(), serviceName, " " + Messages.RunKechainServiceStep_execution(execution.id()));
        }

        @Override
        public void statusChanged(KechainExecution execution) {
            if (outlived()) {
                throw new CancellationException("Jenkins shut down; the step resumes in the new one");
            }
            lastStatus = execution.status();
            console.line(Messages.RunKechainServiceStep_status(execution.id(), execution.status()));
        }
    }
}
