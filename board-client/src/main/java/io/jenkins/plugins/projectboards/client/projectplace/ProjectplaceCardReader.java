package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads cards: one by id ({@code GET /1/cards/{id}}, seen only in a third-party tool), and a board's cards
 * ({@code GET /1/boards/{id}/cards}, which Projectplace's {@code oauth2_tester} calls, counting the cards and reading
 * nothing else). What the board's list carries per card is published nowhere: a Planview engineer's tool reads
 * {@code id, title, column_id, planlet_id, assignee_id} from it, the Power Automate connector's list has {@code id} and
 * {@code title} only. So a listed card that lacks a field the caller needs is read by id, at most {@link #MAX_READS}
 * per look; beyond that the look fails, because one that skipped them could miss a card and create it a second time.
 */
final class ProjectplaceCardReader {
    /** How many cards one look reads one by id when the board's list lacks what it needs. */
    static final int MAX_READS = 50;

    private final ProjectplaceTransport transport;

    ProjectplaceCardReader(ProjectplaceTransport transport) {
        this.transport = transport;
    }

    /** A card as Projectplace answers {@code GET /1/cards/{id}}; empty when Projectplace does not know it. */
    Optional<JsonNode> card(String cardId) {
        try {
            return Optional.of(transport.get(transport.v1("cards/" + cardId)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The board's cards that {@code candidate} keeps, each carrying {@code fields}: the listed ones that carry them
     * first, then the others read by id (a card deleted in between is left out). {@code candidate} sees a listed card
     * as listed, so it judges only by the fields it has. The stream is lazy: a caller that stops at its first match
     * reads no card it does not need, and the bound is checked only when the listed cards did not do.
     *
     * @throws ApiException when more than {@link #MAX_READS} candidates lack a field (when the stream gets to them)
     */
    Stream<JsonNode> cards(String boardId, Predicate<JsonNode> candidate, List<String> fields) {
        String path = transport.v1("boards/" + boardId + "/cards");
        String operation = ProjectplaceTransport.operation("GET", path);
        JsonNode answer = transport.get(path);
        if (!answer.isArray()) {
            throw new MalformedResponseException(Vendor.PROJECTPLACE, operation, 200, "expected a JSON array of cards");
        }
        List<JsonNode> complete = new ArrayList<>();
        List<JsonNode> incomplete = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode row : answer) {
            if (row instanceof ObjectNode listed && !row.hasNonNull("board_id")) {
                listed.put("board_id", boardId); // a card of this board's list is on this board
            }
            if (!candidate.test(row)) {
                continue;
            }
            List<String> lacking = fields.stream().filter(field -> !row.has(field)).toList();
            (lacking.isEmpty() ? complete : incomplete).add(row);
            missing.addAll(lacking);
        }
        Stream<JsonNode> read = Stream.of(incomplete).flatMap(rows -> {
            if (rows.size() > MAX_READS) {
                throw new ApiException(Vendor.PROJECTPLACE, operation, 200, "the board's card list gives " + rows.size()
                        + " cards without " + String.join(", ", missing) + ", more than the " + MAX_READS + " read one by"
                        + " one: the look is refused, because one that skipped them could miss a card and create it twice");
            }
            return rows.stream()
                    .map(row -> card(Json.require(Vendor.PROJECTPLACE, operation, row, "id").asText()))
                    .flatMap(Optional::stream);
        });
        return Stream.concat(complete.stream(), read);
    }

    /** Whether a listed card carries {@code field} with another value than {@code value}: then it is not the one looked for. */
    static boolean carriesOtherThan(JsonNode row, String field, String value) {
        return row.has(field) && !value.equals(Json.text(row, field));
    }
}
