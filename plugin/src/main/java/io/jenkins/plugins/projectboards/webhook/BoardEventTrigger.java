package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.webhook.EventFilter;
import io.jenkins.plugins.projectboards.steps.ConnectionItems;
import io.jenkins.plugins.projectboards.steps.FormPermissions;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Build when a board card changes": the job builds when its connection's endpoint receives an event that passes
 * the filter. {@code triggers { boardEvent(connection: 'planka', events: 'card.moved', toColumn: 'Ready') }}.
 */
public class BoardEventTrigger extends Trigger<Job<?, ?>> {
    private final String connection;
    private String boards;
    private String events;
    private String toColumn;

    @DataBoundConstructor
    public BoardEventTrigger(String connection) {
        this.connection = Util.fixEmptyAndTrim(connection);
    }

    public String getConnection() {
        return connection;
    }

    /** Board names or ids, comma-separated; empty for every board. */
    public String getBoards() {
        return boards;
    }

    @DataBoundSetter
    public void setBoards(String boards) {
        this.boards = Util.fixEmptyAndTrim(boards);
    }

    /** Event types ({@code card.moved}, …) or vendor event names, comma-separated; empty for every card event. */
    public String getEvents() {
        return events;
    }

    @DataBoundSetter
    public void setEvents(String events) {
        this.events = Util.fixEmptyAndTrim(events);
    }

    public String getToColumn() {
        return toColumn;
    }

    @DataBoundSetter
    public void setToColumn(String toColumn) {
        this.toColumn = Util.fixEmptyAndTrim(toColumn);
    }

    EventFilter filter() {
        return EventFilter.of(boards, events, toColumn);
    }

    @Extension
    @Symbol("boardEvent")
    public static class DescriptorImpl extends TriggerDescriptor {
        @Override
        public boolean isApplicable(Item item) {
            return item instanceof Job && item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @Override
        public String getDisplayName() {
            return Messages.BoardEventTrigger_displayName();
        }

        @POST
        public ListBoxModel doFillConnectionItems(@AncestorInPath Item item) {
            FormPermissions.checkConfigure(item);
            ListBoxModel items = ConnectionItems.of(ProjectBoardsConfiguration.get());
            items.remove(0);
            return items;
        }
    }
}
