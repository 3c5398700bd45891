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
import java.util.ArrayList;
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
 * a connection in the order they arrived, connections side by side on {@link #WORKERS} threads. A lane's events are
 * taken in batches and the jobs walked once per batch, not once per event, so that a lane drains faster than a busy
 * endpoint fills it (docs/performance.md, "Webhook intake"). Column ids are named
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

    private final DeliveryLanes<Accepted> lanes;

    /** An event the endpoint accepted, with the client that parsed it. */
    private record Accepted(BoardClient client, BoardEvent event) {}

    public BoardEventDispatcher() {
        this(QUEUE_CAPACITY);
    }

    BoardEventDispatcher(int capacity) {
        lanes = new DeliveryLanes<>(capacity, SCHEDULERS, BoardEventDispatcher::handle, (connection, e) -> LOGGER.log(Level.WARNING,
                "Could not schedule the builds for events of connection " + connection, e));
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
        return lanes.offer(connection, new Accepted(client, event));
    }

    /** The next events of a connection, in the order they came. */
    private static void handle(String connection, List<Accepted> batch) {
        List<BoardEvent> events = new ArrayList<>(batch.size());
        for (Accepted accepted : batch) {
            BoardEvent named = named(connection, accepted.client(), accepted.event());
            // Waiting gates first: each only schedules a look at its card, while scheduling builds walks every job.
            BoardEventWaiters.heard(connection, named);
            events.add(named);
        }
        schedule(connection, events);
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

    /** Walks the jobs once for the whole batch: each job gets its builds in the order of the events. */
    private static void schedule(String connection, List<BoardEvent> events) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized) || parameterized.isDisabled()) {
                    continue;
                }
                EventFilter filter;
                try {
                    filter = filterOf(job, connection);
                } catch (RuntimeException e) {
                    LOGGER.log(Level.WARNING, "Could not read the boardEvent trigger of " + job.getFullName()
                            + "; " + events.size() + " event(s) of connection " + connection + " did not schedule it", e);
                    continue;
                }
                if (filter == null) {
                    continue;
                }
                for (BoardEvent event : events) {
                    try {
                        if (filter.matches(event)) {
                            BoardEventCause cause = new BoardEventCause(connection, event);
                            ParameterizedJobMixIn.scheduleBuild2(job, parameterized.getQuietPeriod(), new CauseAction(cause),
                                    new BoardEventAction(cause));
                        }
                    } catch (RuntimeException e) {
                        LOGGER.log(Level.WARNING, "Could not schedule " + job.getFullName() + " for a " + event.vendorEvent()
                                + " event of connection " + connection, e);
                    }
                }
            }
        }
    }

    /** The filter of the job's boardEvent trigger on this connection; null when it has none. */
    private static EventFilter filterOf(Job<?, ?> job, String connection) {
        BoardEventTrigger trigger = ParameterizedJobMixIn.getTrigger(job, BoardEventTrigger.class);
        return trigger == null || !connection.equals(trigger.getConnection()) ? null : trigger.filter();
    }
}
