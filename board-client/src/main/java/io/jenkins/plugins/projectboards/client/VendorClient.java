package io.jenkins.plugins.projectboards.client;

import io.jenkins.plugins.projectboards.client.http.BaseUrl;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the vendor clients have alike: the vendor, the connection's base URL (checked once by {@link BaseUrl}), and
 * the rule that a card is found by reference only within a board.
 */
public abstract class VendorClient implements BoardClient {
    private final Vendor vendor;
    private final String baseUrl;

    /** @param baseUrl already {@linkplain BaseUrl#normalize normalized} */
    protected VendorClient(Vendor vendor, String baseUrl) {
        this.vendor = vendor;
        this.baseUrl = baseUrl;
    }

    @Override
    public final Vendor vendor() {
        return vendor;
    }

    @Override
    public final String baseUrl() {
        return baseUrl;
    }

    /**
     * A reference is unique within a board only, so finding a card by reference needs one.
     *
     * @param card what the vendor calls a card ("a task", "an activity")
     * @param within what it calls a board ("a project", "a scope")
     * @throws ValidationException on the field {@code board} when there is none
     */
    protected final void requireBoardForReference(BoardRef board, String card, String within) {
        if (board == null) {
            throw new ValidationException(vendor, "find card", 0, "board",
                    vendor.displayName() + " finds " + card + " by reference only within " + within + ": name the board");
        }
    }

    /**
     * The id of the card {@code ref} names, for vendors that read a card's details by id: an id as given, a
     * reference looked up on {@code board} (a card, within a board, as {@link #requireBoardForReference} says).
     *
     * @param idByReference the board's id and the reference → the id of the card carrying it
     */
    protected final Optional<String> cardId(CardRef ref, BoardRef board, BiFunction<String, String, Optional<String>> idByReference) {
        if (ref.kind() == CardRef.Kind.ID) {
            return Optional.of(ref.value());
        }
        requireBoardForReference(board, "a card", "a board");
        return idByReference.apply(board.id(), ref.value());
    }
}
