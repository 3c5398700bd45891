package io.jenkins.plugins.projectboards.client.webhook;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import java.util.List;

/**
 * Some deliveries name a column by id only (Kanboard's {@code src_column_id}); builds want its name. Looked up
 * through the client's name cache; when the board cannot be read, the id stays.
 */
public final class ColumnNames {
    private ColumnNames() {}

    public static BoardEvent named(BoardClient client, BoardEvent event) {
        if (event.boardId() == null || (event.fromColumn() == null && event.toColumn() == null)) {
            return event;
        }
        List<ColumnRef> columns;
        try {
            columns = client.columns(new BoardRef(event.boardId(), event.boardName()));
        } catch (BoardException e) {
            return event;
        }
        return new BoardEvent(event.vendor(), event.type(), event.vendorEvent(), event.boardId(), event.boardName(), event.cardId(),
                event.cardTitle(), event.cardUrl(), name(columns, event.fromColumn()), name(columns, event.toColumn()), event.actor());
    }

    private static String name(List<ColumnRef> columns, String idOrName) {
        if (idOrName == null) {
            return null;
        }
        return columns.stream().filter(column -> column.id().equals(idOrName)).map(ColumnRef::name).findFirst().orElse(idOrName);
    }
}
