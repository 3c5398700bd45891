package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.webhook.ColumnNames;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Schedules the builds an accepted event starts, on one thread of its own, in the order events arrived: the
 * endpoint answers the vendor at once, whatever the number of jobs.
 */
@Extension
public class BoardEventDispatcher {
    private static final Logger LOGGER = Logger.getLogger(BoardEventDispatcher.class.getName());

    private final ExecutorService scheduler = Executors.newSingleThreadExecutor(
            new NamingThreadFactory(new DaemonThreadFactory(), "project-boards-webhook"));

    public static BoardEventDispatcher get() {
        return ExtensionList.lookupSingleton(BoardEventDispatcher.class);
    }

    /** @param client the connection's client, to name columns a delivery gives by id (off the endpoint's thread) */
    public void dispatch(String connection, BoardClient client, BoardEvent event) {
        scheduler.submit(() -> schedule(connection, ColumnNames.named(client, event)));
    }

    private void schedule(String connection, BoardEvent event) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized) || parameterized.isDisabled()) {
                    continue;
                }
                BoardEventTrigger trigger = ParameterizedJobMixIn.getTrigger(job, BoardEventTrigger.class);
                if (trigger == null || !connection.equals(trigger.getConnection()) || !trigger.filter().matches(event)) {
                    continue;
                }
                BoardEventCause cause = new BoardEventCause(connection, event);
                ParameterizedJobMixIn.scheduleBuild2(job, parameterized.getQuietPeriod(), new CauseAction(cause), new BoardEventAction(cause));
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not schedule the builds for a " + event.vendorEvent() + " event of connection " + connection, e);
        }
    }
}
