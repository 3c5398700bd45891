package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.webhook.EventFilter;
import io.jenkins.plugins.projectboards.internal.ConnectionItems;
import io.jenkins.plugins.projectboards.internal.FormPermissions;
import java.util.List;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
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

    /** A board filter that can never match is logged (checked off this thread: it asks the board). */
    @Override
    public void start(Job<?, ?> project, boolean newInstance) {
        super.start(project, newInstance);
        if (boards != null && connection != null) {
            BoardEventDispatcher.checkBoards(project.getFullName(), connection, boards);
        }
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

        /** Board names the connection's board does not know, or names ambiguously: the filter would never match them. */
        @POST
        public FormValidation doCheckBoards(@AncestorInPath Item item, @QueryParameter String connection, @QueryParameter String value) {
            FormPermissions.checkConfigure(item);
            if (Util.fixEmptyAndTrim(value) == null || Util.fixEmptyAndTrim(connection) == null) {
                return FormValidation.ok();
            }
            List<String> problems;
            try {
                problems = EventFilter.unmatchableBoards(ProjectBoardsConfiguration.get().connection(connection).client(), value);
            } catch (BoardException | IllegalArgumentException e) {
                return FormValidation.warning(Messages.BoardEventTrigger_boardsUnchecked(e.getMessage()));
            }
            return problems.isEmpty() ? FormValidation.ok() : FormValidation.warning(Messages.BoardEventTrigger_boardsNeverMatch(String.join("; ", problems)));
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
