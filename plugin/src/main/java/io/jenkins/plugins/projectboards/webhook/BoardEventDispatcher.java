package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.webhook.ColumnNames;
import io.jenkins.plugins.projectboards.client.webhook.DeliveryLanes;
import io.jenkins.plugins.projectboards.client.webhook.EventFilter;
import io.jenkins.plugins.projectboards.internal.BoardEventWaiters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Schedules the builds accepted events start, and tells the waiting {@code waitForCard} gates of the connection
 * ({@link BoardEventWaiters}), off the endpoint's thread: one lane per connection holding at most
 * {@link #QUEUE_CAPACITY} events (a full lane refuses, the endpoint answers 503 and the vendor may retry), events of
 * a connection in the order they arrived, connections side by side on {@link #WORKERS} threads. Column ids are named
 * from the client's cache or within {@link #COLUMN_DEADLINE}, else kept. Every failure is logged; one job that
 * cannot be scheduled does not keep the others from being scheduled.
 */
@Extension
public class BoardEventDispatcher {
    private static final Logger LOGGER = Logger.getLogger(BoardEventDispatcher.class.getName());
    /** Events that may wait per connection. */
    static final int QUEUE_CAPACITY = 1000;
    static final int WORKERS = 2;
    static final Duration COLUMN_DEADLINE = Duration.ofSeconds(3);

    private static final ExecutorService SCHEDULERS = Executors.newFixedThreadPool(WORKERS,
            new NamingThreadFactory(new DaemonThreadFactory(), "project-boards-webhook"));
    /** Column lookups: a few threads and a short queue; when both are full the ids stay (and that is logged). */
    private static final ThreadPoolExecutor LOOKUPS = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16),
            new NamingThreadFactory(new DaemonThreadFactory(), "project-boards-webhook-columns"));

    /** A slow board makes every delivery's column lookup time out: warned about now and then, not per delivery. */
    private static final WarningsPerConnection COLUMN_WARNINGS = new WarningsPerConnection();

    static {
        LOOKUPS.allowCoreThreadTimeOut(true);
    }

    private final DeliveryLanes lanes;

    public BoardEventDispatcher() {
        this(QUEUE_CAPACITY);
    }

    BoardEventDispatcher(int capacity) {
        lanes = new DeliveryLanes(capacity, SCHEDULERS, (connection, e) -> LOGGER.log(Level.WARNING,
                "Could not schedule the builds for an event of connection " + connection, e));
    }

    public static BoardEventDispatcher get() {
        return ExtensionList.lookupSingleton(BoardEventDispatcher.class);
    }

    /**
     * Queues the builds of an accepted event.
     *
     * @param client the connection's client, to name columns a delivery gives by id
     * @return false when the connection's lane is full: nothing was queued
     */
    public boolean dispatch(String connection, BoardClient client, BoardEvent event) {
        return lanes.offer(connection, () -> {
            BoardEvent named = named(connection, client, event);
            // Waiting gates first: each only schedules a look at its card, while scheduling builds walks every job.
            BoardEventWaiters.heard(connection, named);
            schedule(connection, named);
        });
    }

    /**
     * Logs the entries of a job's {@code boards} filter that the connection's board does not know (they never match),
     * checked on the lookup threads; a check that cannot run is logged at FINE.
     */
    static void checkBoards(String job, String connection, String boards) {
        try {
            LOOKUPS.execute(() -> {
                try {
                    List<String> problems = EventFilter.unmatchableBoards(ProjectBoardsConfiguration.get().connection(connection).client(), boards);
                    if (!problems.isEmpty()) {
                        LOGGER.log(Level.WARNING, "The boardEvent trigger of {0} names boards that connection {1} does not resolve,"
                                + " so they never match: {2}", new Object[] {job, connection, String.join("; ", problems)});
                    }
                } catch (RuntimeException e) {
                    LOGGER.log(Level.FINE, "Could not check the boards of the boardEvent trigger of " + job, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.FINE, "Did not check the boards of the boardEvent trigger of {0}: busy", job);
        }
    }

    private static BoardEvent named(String connection, BoardClient client, BoardEvent event) {
        try {
            return ColumnNames.named(client, event, LOOKUPS, COLUMN_DEADLINE);
        } catch (RuntimeException e) {
            LOGGER.log(COLUMN_WARNINGS.level(connection), "Column ids of a {0} event of connection {1} stay ids: {2}",
                    new Object[] {event.vendorEvent(), connection, String.valueOf(e)});
            return event;
        }
    }

    private static void schedule(String connection, BoardEvent event) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                try {
                    scheduleIfMatching(job, connection, event);
                } catch (RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Could not schedule " + job.getFullName() + " for a " + event.vendorEvent()
                            + " event of connection " + connection, e);
                }
            }
        }
    }

    private static void scheduleIfMatching(Job<?, ?> job, String connection, BoardEvent event) {
        if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized) || parameterized.isDisabled()) {
            return;
        }
        BoardEventTrigger trigger = ParameterizedJobMixIn.getTrigger(job, BoardEventTrigger.class);
        if (trigger == null || !connection.equals(trigger.getConnection()) || !trigger.filter().matches(event)) {
            return;
        }
        BoardEventCause cause = new BoardEventCause(connection, event);
        ParameterizedJobMixIn.scheduleBuild2(job, parameterized.getQuietPeriod(), new CauseAction(cause), new BoardEventAction(cause));
    }
}
