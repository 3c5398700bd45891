package io.jenkins.plugins.projectboards.client.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The maps {@code createTask}, {@code moveCard} and {@code commentOnTask} return to a Pipeline: the same core
 * ({@code vendor, id, url, board, column, title, dryRun}, in this order, {@code id} always the card's) followed by
 * each step's own keys, and nothing but strings, booleans and {@code null}, which a sandboxed script may read.
 */
public class CardResultMapsTest {
    private static final List<String> CORE = List.of("vendor", "id", "url", "board", "column", "title", "dryRun");
    private static final BoardRef BOARD = new BoardRef("1", "Ops");
    private static final Card CARD = new Card(Vendor.PLANKA, "42", "Deploy 7", "https://planka.example/cards/42", BOARD,
            new ColumnRef("53", "Done"), "REL-7");

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Same entries and the same key order: the core first, then the step's own keys. */
    private static void assertExactly(Map<String, Object> expected, Map<String, Object> actual) {
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        assertEquals(CORE, new ArrayList<>(actual.keySet()).subList(0, CORE.size()));
        assertTrue(actual.toString(), actual.values().stream().allMatch(value -> value == null || value instanceof String
                || value instanceof Boolean));
    }

    private static Map<String, Object> core(Object id, Object url, String column, boolean dryRun, Object... own) {
        Map<String, Object> map = map("vendor", "Planka", "id", id, "url", url, "board", "Ops", "column", column,
                "title", "Deploy 7", "dryRun", dryRun);
        map.putAll(map(own));
        return map;
    }

    @Test
    public void createTaskIsTheCoreAndCreated() {
        assertExactly(core("42", CARD.url(), "Done", false, "created", true), new CreateTaskResult(CARD, true, false).toMap());
        assertExactly(core("42", CARD.url(), "Done", false, "created", false), new CreateTaskResult(CARD, false, false).toMap());
        Card preview = new Card(Vendor.PLANKA, null, "Deploy 7", null, BOARD, new ColumnRef("51", "Todo"), null);
        assertExactly(core(null, null, "Todo", true, "created", true), new CreateTaskResult(preview, true, true).toMap());
    }

    @Test
    public void moveCardIsTheCoreWithTheTargetColumnAndWhereItCameFrom() {
        assertExactly(core("42", CARD.url(), "Done", false, "previousColumn", "Todo", "moved", true),
                new MoveCardResult(CARD, "Todo", true, false).toMap());
        assertExactly(core("42", CARD.url(), "Done", true, "previousColumn", "Done", "moved", false),
                new MoveCardResult(CARD, "Done", false, true).toMap());
    }

    @Test
    public void commentOnTaskIsTheCoreWithTheCardAndTheCommentId() {
        assertExactly(core("42", CARD.url(), "Done", false, "card", "42", "commentId", "c-9"),
                new CommentResult(CARD, "c-9", false).toMap());
        assertExactly(core("42", CARD.url(), "Done", true, "card", "42", "commentId", null),
                new CommentResult(CARD, null, true).toMap());
    }

    @Test
    public void everyCardResultStartsWithTheSameCore() {
        for (Map<String, Object> result : Arrays.asList(new CreateTaskResult(CARD, true, false).toMap(),
                new MoveCardResult(CARD, "Todo", true, false).toMap(), new CommentResult(CARD, "c-9", false).toMap())) {
            Map<String, Object> head = new LinkedHashMap<>();
            CORE.forEach(key -> head.put(key, result.get(key)));
            assertEquals(core("42", CARD.url(), "Done", false), head);
        }
    }
}
