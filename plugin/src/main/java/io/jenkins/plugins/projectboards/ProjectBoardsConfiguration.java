package io.jenkins.plugins.projectboards;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Descriptor.FormException;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.client.ConnectionSettings;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Project Boards: the board connections, the default one, and whether step failures fail
 * the build. Every property is a {@link DataBoundSetter} that saves, so the form, JCasC
 * ({@code unclassified: projectBoards:}) and Groovy all configure it the same way.
 */
@Extension
@Symbol("projectBoards")
public class ProjectBoardsConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(ProjectBoardsConfiguration.class.getName());

    private List<BoardConnection> connections = new ArrayList<>();
    private String defaultConnection;
    private boolean failOnError = true;

    public ProjectBoardsConfiguration() {
        load();
        reportLoadedProblems();
    }

    /**
     * A configuration saved before the rules held may hold connections they refuse. It still loads, whole: a URL's
     * user info is dropped and the configuration saved again without it; any other problem is logged, and the steps
     * of that connection fail with the same message until an administrator fixes it.
     */
    private void reportLoadedProblems() {
        boolean resave = false;
        for (BoardConnection connection : connections) {
            if (connection.isUserInfoRemoved()) {
                LOGGER.log(Level.WARNING, Messages.ProjectBoardsConfiguration_userInfoRemoved(connection.getName()));
                resave = true;
            }
            String problem = connection.problem();
            if (problem != null) {
                LOGGER.log(Level.WARNING, Messages.ProjectBoardsConfiguration_invalidOnLoad(problem));
            }
        }
        if (resave) {
            save();
        }
    }

    public static ProjectBoardsConfiguration get() {
        return ExtensionList.lookupSingleton(ProjectBoardsConfiguration.class);
    }

    public List<BoardConnection> getConnections() {
        return connections;
    }

    /**
     * @throws IllegalArgumentException when a connection breaks a rule of {@link ConnectionSettings} (one loaded
     *     from an old {@code config.xml} and passed back, say) or two connections share a name (steps refer to them
     *     by name); nothing is changed then
     */
    @DataBoundSetter
    public void setConnections(List<BoardConnection> connections) {
        List<BoardConnection> checked = connections == null ? new ArrayList<>() : new ArrayList<>(connections);
        checked.removeIf(Objects::isNull);
        for (BoardConnection connection : checked) {
            String problem = connection.problem();
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        String duplicate = firstDuplicate(checked.stream().map(BoardConnection::getName).toList());
        if (duplicate != null) {
            throw new IllegalArgumentException(Messages.ProjectBoardsConfiguration_duplicateName(duplicate));
        }
        this.connections = checked;
        save();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // Refuse duplicate names before anything is bound: each setter saves, so a half-bound form would be kept.
        // Refuse what the connections' constructor would refuse the same way, before binding: Stapler's own error
        // for a failed constructor repeats the submitted form, URL included.
        Object connections = json.opt("connections");
        List<String> names = new ArrayList<>();
        for (Object connection : connections instanceof JSONArray array ? array : connections == null ? List.of() : List.of(connections)) {
            JSONObject object = connection instanceof JSONObject o ? o : new JSONObject();
            String name = Util.fixNull(object.optString("name")).trim();
            List<ConnectionSettings.Problem> problems =
                    ConnectionSettings.check(name, object.optString("url"), object.optString("credentialsId"));
            if (!problems.isEmpty()) {
                throw new FormException(BoardConnection.describe(vendorOf(object), name, problems), "connections");
            }
            names.add(name);
        }
        String duplicate = firstDuplicate(names);
        if (duplicate != null) {
            throw new FormException(Messages.ProjectBoardsConfiguration_duplicateName(duplicate), "connections");
        }
        // Optional fields absent from the form mean "cleared": reset them before binding.
        defaultConnection = null;
        req.bindJSON(this, json);
        return true;
    }

    /** The display name of the connection kind a form entry is of (as the constructor's message names it). */
    private static String vendorOf(JSONObject entry) {
        for (String key : List.of("$class", "stapler-class", "kind")) {
            String id = entry.optString(key, null);
            Descriptor<?> descriptor = id == null ? null : Jenkins.get().getDescriptor(id);
            if (descriptor != null) {
                return descriptor.getDisplayName();
            }
        }
        return Messages.ProjectBoardsConfiguration_board();
    }

    /** The first name given twice, or {@code null}: steps refer to connections by name. */
    private static String firstDuplicate(List<String> names) {
        Set<String> seen = new HashSet<>();
        return names.stream().filter(name -> !seen.add(name)).findFirst().orElse(null);
    }

    public String getDefaultConnection() {
        return defaultConnection;
    }

    @DataBoundSetter
    public void setDefaultConnection(String defaultConnection) {
        this.defaultConnection = Util.fixEmptyAndTrim(defaultConnection);
        save();
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
        save();
    }

    /**
     * The connection a step names, or the default one when it names none.
     *
     * @throws IllegalArgumentException with a message that lists the configured connections
     */
    public BoardConnection connection(String name) {
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted == null) {
            wanted = defaultConnection;
        }
        if (wanted == null) {
            if (connections.size() == 1) {
                return connections.get(0);
            }
            throw new IllegalArgumentException(Messages.ProjectBoardsConfiguration_noConnectionGiven(names()));
        }
        for (BoardConnection connection : connections) {
            if (connection.getName().equals(wanted)) {
                return connection;
            }
        }
        throw new IllegalArgumentException(Messages.ProjectBoardsConfiguration_unknownConnection(wanted, names()));
    }

    private String names() {
        return connections.isEmpty()
                ? Messages.ProjectBoardsConfiguration_none()
                : String.join(", ", connections.stream().map(BoardConnection::getName).toList());
    }

    @POST
    public ListBoxModel doFillDefaultConnectionItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.ProjectBoardsConfiguration_noDefault(), "");
        for (BoardConnection connection : connections) {
            items.add(connection.label(), connection.getName());
        }
        return items;
    }
}
