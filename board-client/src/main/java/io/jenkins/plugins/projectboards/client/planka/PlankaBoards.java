package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Names;
import io.jenkins.plugins.projectboards.client.TtlCache;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Boards (named {@code Board} or {@code Project/Board}), their lists and labels, cached per client. */
public final class PlankaBoards {
    private final PlankaTransport transport;
    private final TtlCache<String, List<PlankaBoard>> boards;
    private final TtlCache<String, PlankaBoardSnapshot> names;

    PlankaBoards(PlankaTransport transport, ClientOptions options) {
        this.transport = transport;
        this.boards = new TtlCache<>(Vendor.PLANKA, options);
        this.names = new TtlCache<>(Vendor.PLANKA, options);
    }

    private List<PlankaBoard> loadBoards() {
        JsonNode answer = transport.get("projects");
        Map<String, String> projectNames = new HashMap<>();
        answer.path("items").forEach(project -> projectNames.put(project.path("id").asText(), project.path("name").asText()));
        List<PlankaBoard> all = new ArrayList<>();
        answer.path("included").path("boards").forEach(board -> all.add(new PlankaBoard(board.path("id").asText(),
                board.path("name").asText(), board.path("projectId").asText(),
                projectNames.getOrDefault(board.path("projectId").asText(), "?"))));
        return List.copyOf(all);
    }

    /**
     * A board by id, {@code Project/Board}, or name. A name several projects use is refused with the qualified
     * names to choose from.
     */
    public PlankaBoard board(String wanted) {
        return boards.resolve("all", this::loadBoards, all -> pick(all, wanted));
    }

    private static PlankaBoard pick(List<PlankaBoard> all, String wanted) {
        for (PlankaBoard board : all) {
            if (board.id().equals(wanted) || board.qualifiedName().equalsIgnoreCase(wanted.strip())) {
                return board;
            }
        }
        List<String> qualified = all.stream().map(PlankaBoard::qualifiedName).toList();
        List<PlankaBoard> sameName = all.stream().filter(board -> board.name().equals(wanted.strip())).toList();
        if (sameName.size() > 1) {
            throw new ValidationException(Vendor.PLANKA, "resolve board", 0, "board", "several projects have a board '"
                    + wanted + "'; name it as one of: " + String.join(", ", sameName.stream().map(PlankaBoard::qualifiedName).toList()));
        }
        try {
            return Names.pick(Vendor.PLANKA, "resolve board", "board", wanted, all, PlankaBoard::id, PlankaBoard::name);
        } catch (UnknownNameException e) {
            throw new UnknownNameException(Vendor.PLANKA, "resolve board", "board", wanted, qualified);
        }
    }

    public PlankaBoard boardById(String boardId) {
        return boards.resolve("all", this::loadBoards, all -> all.stream().filter(board -> board.id().equals(boardId)).findFirst()
                .orElseThrow(() -> new UnknownNameException(Vendor.PLANKA, "resolve board", "board", boardId,
                        all.stream().map(PlankaBoard::qualifiedName).toList())));
    }

    /**
     * The board as it is now, cards included (not cached: cards move). A 404 means the cached board list is out of
     * date, so it is read again next time.
     */
    public PlankaBoardSnapshot snapshot(String boardId) {
        return boards.forgetAllOnNotFound(() -> PlankaBoardSnapshot.from(transport.get("boards/" + boardId)));
    }

    /** Active and closed lists, left to right (cached). */
    public List<PlankaList> lists(String boardId) {
        return names.get(boardId, () -> snapshot(boardId)).lists();
    }

    public PlankaList list(String boardId, String nameOrId) {
        return names.resolve(boardId, () -> snapshot(boardId), board -> Names.pick(Vendor.PLANKA, "resolve column", "column",
                nameOrId, board.lists(), PlankaList::id, PlankaList::name));
    }

    public PlankaLabel label(String boardId, String nameOrId) {
        return names.resolve(boardId, () -> snapshot(boardId), board -> Names.pick(Vendor.PLANKA, "resolve label", "label",
                nameOrId, board.labels(), PlankaLabel::id, PlankaLabel::name));
    }
}
