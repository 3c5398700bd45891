package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole life of one service run, so that a Pipeline step only calls it and keeps the execution id: start (or
 * attach to the run already going), look at it again after growing pauses until a final status, stop at a deadline by
 * terminating, and read the log.
 *
 * <p>It never waits itself: each call looks once and returns a {@link Progress} that says how long to pause before
 * the next look, or the outcome. The caller does the waiting (in Jenkins, a timer), so that a thousand waiting runs
 * hold no thread, and keeps the {@code Progress} (or its parts, across a restart) between looks. Time comes from
 * {@link ClientOptions#clock()}.
 */
public final class KechainServiceRun {
    /** What to do when the service is already running. */
    public enum IfRunning {
        ATTACH,
        FAIL;

        /** {@code attach} or {@code fail} (any case); blank means {@link #ATTACH}. */
        public static IfRunning parse(String text) {
            if (text == null || text.isBlank()) {
                return ATTACH;
            }
            for (IfRunning value : values()) {
                if (value.name().equalsIgnoreCase(text.strip())) {
                    return value;
                }
            }
            throw new ValidationException(Vendor.KECHAIN, "runKechainService", 0, "ifRunning",
                    "expected 'attach' or 'fail', got '" + text + "'");
        }
    }

    /** Told about the run as it goes, e.g. to print status lines and to save the execution id for a restart. */
    public interface Listener {
        void started(KechainExecution execution, boolean attached);

        void statusChanged(KechainExecution execution);
    }

    /**
     * @param status the final status (COMPLETED, FAILED, TERMINATED), or the last one seen when the deadline ended
     *     the wait
     * @param timedOut the deadline passed and the execution was told to terminate
     */
    public record Result(String executionId, String status, String url, String log, boolean attached, boolean timedOut) {
        public boolean succeeded() {
            return "COMPLETED".equals(status);
        }

        /** What the step returns: plain strings and booleans (the log goes to the console, not into the map). */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("executionId", executionId);
            map.put("status", status);
            map.put("url", url);
            map.put("attached", attached);
            map.put("timedOut", timedOut);
            return map;
        }
    }

    /**
     * Where a followed run stands after one look: either over ({@link #result()} set) or to be looked at again after
     * {@link #pause()}. Made by {@link KechainServiceRun#start}, {@link #following} and {@link KechainServiceRun#poll}.
     *
     * @param status the status seen at the last look; {@code null} before the first, so that the first is reported
     * @param pause how long to wait before the next look (growing 1, 2, 4, 8, then 15 seconds); {@code null} when over
     * @param result the outcome once the run is over, else {@code null}
     */
    public record Progress(String executionId, boolean attached, String status, Instant deadline, Duration pause, Result result) {
        /**
         * An execution started earlier, e.g. before Jenkins restarted, to be looked at again at once.
         *
         * @param attached what the start said: whether the execution was already running then
         */
        public static Progress following(String executionId, boolean attached, Instant deadline) {
            return new Progress(executionId, attached, null, deadline, Duration.ZERO, null);
        }

        public boolean over() {
            return result != null;
        }
    }

    static final Duration FIRST_POLL = Duration.ofSeconds(1);
    static final Duration LONGEST_POLL = Duration.ofSeconds(15);

    private final KechainServices services;
    private final ClientOptions options;

    KechainServiceRun(KechainServices services, ClientOptions options) {
        this.services = services;
        this.options = options;
    }

    /**
     * Starts the service (or attaches to the run going); what {@code execute} answered is the first look, so a run
     * that is already over is not looked at again.
     */
    public Progress start(String serviceId, IfRunning ifRunning, Instant deadline, Listener listener) {
        KechainServices.Started started = launch(serviceId, ifRunning, listener);
        KechainExecution execution = started.execution();
        return next(execution, Progress.following(execution.id(), started.alreadyRunning(), deadline), listener);
    }

    /** Starts the service (or attaches to the run going) and returns at once, without a log. */
    public Result startWithoutWaiting(String serviceId, IfRunning ifRunning, Listener listener) {
        KechainServices.Started started = launch(serviceId, ifRunning, listener);
        KechainExecution execution = started.execution();
        return new Result(execution.id(), execution.status(), execution.url(), null, started.alreadyRunning(), false);
    }

    /** The deadline for a wait of {@code timeoutMinutes} from now. */
    public Instant deadline(int timeoutMinutes) {
        if (timeoutMinutes <= 0) {
            throw new ValidationException(Vendor.KECHAIN, "runKechainService", 0, "timeoutMinutes",
                    "must be a positive number of minutes, got " + timeoutMinutes);
        }
        return options.clock().instant().plus(Duration.ofMinutes(timeoutMinutes));
    }

    private KechainServices.Started launch(String serviceId, IfRunning ifRunning, Listener listener) {
        KechainServices.Started started = services.execute(serviceId, null);
        KechainExecution execution = started.execution();
        if (started.alreadyRunning() && ifRunning == IfRunning.FAIL) {
            throw new ValidationException(Vendor.KECHAIN, "execute service", 409, "ifRunning", "service '"
                    + execution.serviceName() + "' is already running (execution " + execution.id() + "); use ifRunning: 'attach' to follow it");
        }
        listener.started(execution, started.alreadyRunning());
        return started;
    }

    /**
     * Looks at a run that is not over once ({@code GET api/service_executions/{id}.json}), and ends it when it has
     * reached a final status or when the next pause would reach the deadline.
     */
    public Progress poll(Progress waiting, Listener listener) {
        if (waiting.over()) {
            throw new IllegalArgumentException("execution " + waiting.executionId() + " is over already");
        }
        return next(services.execution(waiting.executionId()), waiting, listener);
    }

    private Progress next(KechainExecution execution, Progress previous, Listener listener) {
        report(execution, previous.status(), listener);
        if (execution.finished()) {
            return over(execution, previous, false);
        }
        Duration pause = previous.pause().isZero() ? FIRST_POLL : min(previous.pause().multipliedBy(2), LONGEST_POLL);
        if (!options.clock().instant().plus(pause).isBefore(previous.deadline())) {
            services.terminate(execution.id());
            KechainExecution last = services.execution(execution.id());
            report(last, execution.status(), listener);
            return over(last, previous, true);
        }
        return new Progress(execution.id(), previous.attached(), execution.status(), previous.deadline(), pause, null);
    }

    private static void report(KechainExecution execution, String previousStatus, Listener listener) {
        if (!execution.status().equals(previousStatus)) {
            listener.statusChanged(execution);
        }
    }

    private Progress over(KechainExecution execution, Progress previous, boolean timedOut) {
        Result result = new Result(execution.id(), execution.status(), execution.url(), log(execution.id()), previous.attached(), timedOut);
        return new Progress(execution.id(), previous.attached(), execution.status(), previous.deadline(), null, result);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The log, or why it could not be read: a missing log must not hide the run's status. */
    private String log(String executionId) {
        try {
            return services.log(executionId);
        } catch (BoardException e) {
            return "(the log could not be read: " + e.getMessage() + ")";
        }
    }
}
