package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The whole life of one service run, so that a Pipeline step only calls it and keeps the execution id: start (or
 * attach to the run already going), poll with growing pauses until a final status, stop at a deadline by terminating,
 * and read the log. Time and waiting come from {@link ClientOptions#clock()} and {@link ClientOptions#sleeper()}.
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

    static final Duration FIRST_POLL = Duration.ofSeconds(1);
    static final Duration LONGEST_POLL = Duration.ofSeconds(15);

    private final KechainServices services;
    private final ClientOptions options;

    KechainServiceRun(KechainServices services, ClientOptions options) {
        this.services = services;
        this.options = options;
    }

    /** Starts the service and follows the run to its end or the deadline. */
    public Result start(String serviceId, IfRunning ifRunning, Instant deadline, Listener listener) {
        KechainServices.Started started = launch(serviceId, ifRunning, listener);
        return follow(started.execution(), started.alreadyRunning(), deadline, listener);
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
     * Follows an execution started earlier, e.g. after Jenkins restarted.
     *
     * @param attached what the start said: whether the execution was already running then
     */
    public Result resume(String executionId, boolean attached, Instant deadline, Listener listener) {
        return follow(services.execution(executionId), attached, deadline, listener);
    }

    private Result follow(KechainExecution first, boolean attached, Instant deadline, Listener listener) {
        Clock clock = options.clock();
        KechainExecution execution = first;
        Duration pause = FIRST_POLL;
        listener.statusChanged(execution);
        while (!execution.finished()) {
            if (!clock.instant().plus(pause).isBefore(deadline)) {
                services.terminate(execution.id());
                KechainExecution last = services.execution(execution.id());
                listener.statusChanged(last);
                return new Result(last.id(), last.status(), last.url(), log(last.id()), attached, true);
            }
            try {
                options.sleeper().sleep(pause);
            } catch (InterruptedException e) {
                // Terminate before restoring the interrupt: an interrupted thread cannot send the request.
                String outcome = terminateAfterStop(execution.id());
                Thread.currentThread().interrupt();
                throw new CancellationException("stopped while waiting for KE-chain execution " + execution.id() + "; " + outcome);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
            KechainExecution next = services.execution(execution.id());
            if (!next.status().equals(execution.status())) {
                listener.statusChanged(next);
            }
            execution = next;
        }
        return new Result(execution.id(), execution.status(), execution.url(), log(execution.id()), attached, false);
    }

    private String terminateAfterStop(String executionId) {
        try {
            services.terminate(executionId);
            return "it was told to terminate";
        } catch (BoardException e) {
            return "telling it to terminate failed: " + e.getMessage();
        }
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
