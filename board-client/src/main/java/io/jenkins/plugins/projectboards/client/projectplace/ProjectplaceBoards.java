package io.jenkins.plugins.projectboards.client.projectplace;

import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Workspaces, their boards, and board columns ({@code progresses}), cached per client. A board is named as
 * {@code Workspace/Board} or by its id.
 */
public final class ProjectplaceBoards {
    private final ProjectplaceTransport transport;
    private final TtlCache<String, List<ProjectplaceWorkspace>> workspaces;
    private final TtlCache<String, List<ProjectplaceBoard>> boardsOfWorkspace;
    private final TtlCache<String, ProjectplaceBoard> boards;

    ProjectplaceBoards(ProjectplaceTransport transport, ClientOptions options) {
        this.transport = transport;
        this.workspaces = new TtlCache<>(Vendor.PROJECTPLACE, options);
        this.boardsOfWorkspace = new TtlCache<>(Vendor.PROJECTPLACE, options);
        this.boards = new TtlCache<>(Vendor.PROJECTPLACE, options);
    }

    /** The account's active workspaces ({@code POST /2/account/projects}, paged; {@code api/v2} beside {@code api/v1}). */
    public List<ProjectplaceWorkspace> workspaces() {
        return workspaces.get("all", this::loadWorkspaces);
    }

    private List<ProjectplaceWorkspace> loadWorkspaces() {
        return transport.paged(transport.v2("account/projects"), Json.object().put("sort_by", "+creation_date")
                        .set("filter", Json.object().set("archive_status", Json.MAPPER.createArrayNode().add(0))))
                .stream().map(node -> new ProjectplaceWorkspace(node.path("id").asText(), node.path("name").asText())).toList();
    }

    public ProjectplaceWorkspace workspace(String nameOrId) {
        return workspaces.resolve("all", this::loadWorkspaces, all -> Names.pick(Vendor.PROJECTPLACE, "resolve workspace",
                "workspace", nameOrId, all, ProjectplaceWorkspace::id, ProjectplaceWorkspace::name));
    }

    public List<ProjectplaceBoard> boards(ProjectplaceWorkspace workspace) {
        return boardsOfWorkspace.get(workspace.id(), () -> loadBoards(workspace));
    }

    private List<ProjectplaceBoard> loadBoards(ProjectplaceWorkspace workspace) {
        List<ProjectplaceBoard> all = new ArrayList<>();
        transport.get(transport.v1("projects/" + workspace.id() + "/boards"))
                .forEach(node -> all.add(ProjectplaceBoard.from(node, workspace.name())));
        return List.copyOf(all);
    }

    /**
     * A board by id ({@code GET /1/boards/{id}}). A 404 means the cached board lists are out of date, so they are
     * read again next time.
     */
    public ProjectplaceBoard board(String boardId) {
        return boards.get(boardId, () -> loadBoard(boardId));
    }

    private ProjectplaceBoard loadBoard(String boardId) {
        return boardsOfWorkspace.forgetAllOnNotFound(() -> ProjectplaceBoard.from(transport.get(transport.v1("boards/" + boardId)), null));
    }

    /** A column of the board with this id, the board read again once when the name is not among its columns. */
    public ProjectplaceColumn column(String boardId, String nameOrId) {
        return boards.resolve(boardId, () -> loadBoard(boardId), board -> column(board, nameOrId));
    }

    /** {@code Workspace/Board} (the last {@code /} separates them) or a board id. */
    public ProjectplaceBoard resolve(String wanted) {
        String name = wanted.strip();
        if (name.chars().allMatch(Character::isDigit)) {
            return board(name);
        }
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            throw new ValidationException(Vendor.PROJECTPLACE, "resolve board", 0, "board",
                    "name a Projectplace board as 'Workspace/Board' or by its id, not '" + wanted + "'");
        }
        ProjectplaceWorkspace workspace = workspace(name.substring(0, slash));
        return boardsOfWorkspace.resolve(workspace.id(), () -> loadBoards(workspace), all -> Names.pick(Vendor.PROJECTPLACE,
                "resolve board", "board", name.substring(slash + 1), all, ProjectplaceBoard::id, ProjectplaceBoard::name));
    }

    public ProjectplaceColumn column(ProjectplaceBoard board, String nameOrId) {
        return Names.pick(Vendor.PROJECTPLACE, "resolve column", "column", nameOrId, board.columns(),
                ProjectplaceColumn::id, ProjectplaceColumn::name);
    }

    public ProjectplaceLabel label(ProjectplaceBoard board, String nameOrId) {
        return Names.pick(Vendor.PROJECTPLACE, "resolve label", "label", nameOrId, board.labels(),
                ProjectplaceLabel::id, ProjectplaceLabel::name);
    }
}
