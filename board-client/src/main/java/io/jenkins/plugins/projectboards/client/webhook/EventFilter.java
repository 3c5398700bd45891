package io.jenkins.plugins.projectboards.client.webhook;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which board events start a job's builds. Every part is optional; an empty part matches everything, except that
 * {@link BoardEvent#OTHER} events (labels, lists, …) match only when asked for by name.
 *
 * @param boards boards as steps name them, ignoring case: the id, the full name ({@code Project/Board} for Planka,
 *     whose deliveries carry the project) or, for an entry without {@code /}, the board's own name
 * @param events normalised types ({@code card.moved}) or the vendor's own names ({@code cardUpdate}), ignoring case
 * @param toColumn the column a card must have moved to (or been created in), ignoring case
 */
public record EventFilter(Set<String> boards, Set<String> events, String toColumn) {

    public EventFilter {
        boards = normalised(boards);
        events = normalised(events);
        toColumn = toColumn == null || toColumn.isBlank() ? null : toColumn.strip();
    }

    /** A filter from the comma- or newline-separated lists a form or a Pipeline script gives. */
    public static EventFilter of(String boards, String events, String toColumn) {
        return new EventFilter(Set.copyOf(entries(boards)), Set.copyOf(entries(events)), toColumn);
    }

    public boolean matches(BoardEvent event) {
        if (!boards.isEmpty() && !names(boards, event.boardName(), event.boardId(), bareName(event.boardName()))) {
            return false;
        }
        if (events.isEmpty() ? BoardEvent.OTHER.equals(event.type()) : !names(events, event.type(), event.vendorEvent())) {
            return false;
        }
        return toColumn == null || toColumn.equalsIgnoreCase(event.toColumn());
    }

    /**
     * Why entries of a {@code boards} filter would never match (or match more than meant), as the steps resolve
     * boards through {@code client}: one line per such entry, naming it and the vendor's answer; empty when all
     * resolve. Network calls, through the client's name cache.
     */
    public static List<String> unmatchableBoards(BoardClient client, String boards) {
        List<String> problems = new ArrayList<>();
        for (String board : entries(boards)) {
            try {
                client.resolveBoard(board);
            } catch (BoardException e) {
                problems.add("'" + board + "': " + e.getMessage());
            }
        }
        return problems;
    }

    /** Whether {@code set} holds one of the values (ignoring case; an immutable set refuses to look for null). */
    private static boolean names(Set<String> set, String... values) {
        return Arrays.stream(values).filter(value -> value != null).anyMatch(value -> set.contains(lower(value)));
    }

    /** {@code Board} of {@code Project/Board}; null for a name without a project. */
    private static String bareName(String name) {
        int slash = name == null ? -1 : name.lastIndexOf('/');
        return slash < 0 ? null : name.substring(slash + 1);
    }

    private static List<String> entries(String list) {
        return list == null ? List.of() : Arrays.stream(list.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> normalised(Set<String> values) {
        return values == null ? Set.of() : values.stream().map(EventFilter::lower).filter(s -> s != null && !s.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
