package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Projects, their columns and swimlanes, with name resolution cached per client. */
public final class KanboardBoards {
    /** The one key of the project list's cache. */
    private static final String ALL = "all";

    private final KanboardTransport transport;
    private final TtlCache<String, List<KanboardProject>> projects;
    private final TtlCache<String, List<KanboardColumn>> columns;
    private final TtlCache<String, List<KanboardSwimlane>> swimlanes;

    KanboardBoards(KanboardTransport transport, ClientOptions options) {
        this.transport = transport;
        this.projects = new TtlCache<>(Vendor.KANBOARD, options);
        this.columns = new TtlCache<>(Vendor.KANBOARD, options);
        this.swimlanes = new TtlCache<>(Vendor.KANBOARD, options);
    }

    /** The projects these credentials may see ({@code getAllProjects}). */
    public List<KanboardProject> projects() {
        return projects.get(ALL, this::loadProjects);
    }

    private List<KanboardProject> loadProjects() {
        return list(transport.call(projectsCall()), KanboardProject::from);
    }

    private static KanboardCall projectsCall() {
        return KanboardCall.idempotent("getAllProjects");
    }

    /** The project list's lookup, for a batch sent anyway; empty while the list is cached. */
    Optional<KanboardLookup> projectsLookup() {
        if (projects.holds(ALL)) {
            return Optional.empty();
        }
        return Optional.of(new KanboardLookup(projectsCall(), answer -> projects.get(ALL, () -> list(answer, KanboardProject::from))));
    }

    /** A project by id, name (exact, then unique ignoring case) or identifier. */
    public KanboardProject project(String nameOrIdOrIdentifier) {
        return projects.resolve(ALL, this::loadProjects, all -> {
            for (KanboardProject project : all) {
                if (nameOrIdOrIdentifier.equalsIgnoreCase(project.identifier()) && !project.identifier().isEmpty()) {
                    return project;
                }
            }
            return Names.pick(Vendor.KANBOARD, "resolve project", "board", nameOrIdOrIdentifier, all,
                    KanboardProject::id, KanboardProject::name);
        });
    }

    /** A project by id, from the cached list when it is there. */
    public KanboardProject projectById(String projectId) {
        for (KanboardProject project : projects()) {
            if (project.id().equals(projectId)) {
                return project;
            }
        }
        JsonNode project = transport.call(KanboardCall.idempotent("getProjectById").with("project_id", Long.parseLong(projectId)));
        if (project.isNull()) {
            throw new UnknownNameException(Vendor.KANBOARD, "getProjectById", "board", projectId,
                    projects().stream().map(KanboardProject::name).toList());
        }
        return KanboardProject.from(project);
    }

    public List<KanboardColumn> columns(String projectId) {
        return columns.get(projectId, () -> loadColumns(projectId));
    }

    private List<KanboardColumn> loadColumns(String projectId) {
        return columnsFrom(transport.call(columnsCall(projectId)));
    }

    private static KanboardCall columnsCall(String projectId) {
        return KanboardCall.idempotent("getColumns").with("project_id", Long.parseLong(projectId));
    }

    private static List<KanboardColumn> columnsFrom(JsonNode answer) {
        return list(answer, KanboardColumn::from).stream().sorted(Comparator.comparingInt(KanboardColumn::position)).toList();
    }

    /** The project's columns' lookup, for a batch sent anyway; empty while they are cached. */
    Optional<KanboardLookup> columnsLookup(String projectId) {
        if (columns.holds(projectId)) {
            return Optional.empty();
        }
        return Optional.of(new KanboardLookup(columnsCall(projectId), answer -> columns.get(projectId, () -> columnsFrom(answer))));
    }

    public KanboardColumn column(String projectId, String nameOrId) {
        return columns.resolve(projectId, () -> loadColumns(projectId), all -> Names.pick(Vendor.KANBOARD, "resolve column",
                "column", nameOrId, all, KanboardColumn::id, KanboardColumn::title));
    }

    private List<KanboardSwimlane> loadSwimlanes(String projectId) {
        return list(transport.call(KanboardCall.idempotent("getActiveSwimlanes").with("project_id", Long.parseLong(projectId))),
                KanboardSwimlane::from);
    }

    public KanboardSwimlane swimlane(String projectId, String nameOrId) {
        return swimlanes.resolve(projectId, () -> loadSwimlanes(projectId), all -> Names.pick(Vendor.KANBOARD,
                "resolve swimlane", "swimlane", nameOrId, all, KanboardSwimlane::id, KanboardSwimlane::name));
    }

    static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> items.add(reader.apply(node)));
        }
        return items;
    }
}
