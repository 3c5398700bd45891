package io.jenkins.plugins.projectboards.client.webhook;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Some deliveries name a column by id only (Kanboard's {@code src_column_id}, Projectplace's {@code column_id});
 * builds want its name. Looked up through the client's name cache, on {@code lookups}, for at most a deadline: a
 * slow board must not hold up the builds of every other event. Planka's deliveries name their columns.
 */
public final class ColumnNames {
    private static final Set<Vendor> NAMING_COLUMNS_BY_ID = Set.of(Vendor.KANBOARD, Vendor.PROJECTPLACE);

    private ColumnNames() {}

    /**
     * The event with its column ids replaced by names (an id the board does not know stays).
     *
     * @throws RuntimeException when the columns could not be read within {@code deadline} (the lookup goes on and fills
     *     the cache for the next event) or the board refused; the caller keeps the event as it is and logs why
     */
    public static BoardEvent named(BoardClient client, BoardEvent event, Executor lookups, Duration deadline) {
        if (!NAMING_COLUMNS_BY_ID.contains(event.vendor()) || event.boardId() == null
                || (event.fromColumn() == null && event.toColumn() == null)) {
            return event;
        }
        CompletableFuture<List<ColumnRef>> lookup = CompletableFuture.supplyAsync(
                () -> client.columns(new BoardRef(event.boardId(), event.boardName())), lookups);
        List<ColumnRef> columns;
        try {
            columns = lookup.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the columns of " + event.vendor().displayName() + " board " + event.boardId()
                    + " were not read within " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return event;
        }
        return event.withColumns(name(columns, event.fromColumn()), name(columns, event.toColumn()));
    }

    private static String name(List<ColumnRef> columns, String idOrName) {
        if (idOrName == null) {
            return null;
        }
        return columns.stream().filter(column -> column.id().equals(idOrName)).map(ColumnRef::name).findFirst().orElse(idOrName);
    }
}
