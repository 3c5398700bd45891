package io.jenkins.plugins.projectboards.internal;

import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The connection dropdown of steps, freestyle builders and the trigger: the default first, then every connection by name. */
@Restricted(NoExternalUse.class)
public final class ConnectionItems {
    private ConnectionItems() {}

    public static ListBoxModel of(ProjectBoardsConfiguration configuration) {
        ListBoxModel items = new ListBoxModel();
        String defaultName = configuration.getDefaultConnection();
        items.add(defaultName == null ? Messages.ConnectionItems_default() : Messages.ConnectionItems_defaultNamed(defaultName), "");
        for (BoardConnection connection : configuration.getConnections()) {
            items.add(connection.label(), connection.getName());
        }
        return items;
    }
}
