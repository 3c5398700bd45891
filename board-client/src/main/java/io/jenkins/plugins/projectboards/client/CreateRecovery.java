package io.jenkins.plugins.projectboards.client;

import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one "create once, then look for what a lost answer made" protocol every vendor's create follows. A create whose
 * answer was lost (a connection reset or timeout after sending, or a 5xx) is not blindly sent again: the card it may
 * have made is looked for first (by reference, else by title in the target column among cards created since the
 * attempt began) and returned; only when there is none is the create sent once more. A 4xx is the server's answer and
 * is thrown as it is. When the look-up itself fails, the create's own failure is reported (it says it was not retried).
 * The connection's {@link HttpListener} hears whether a lost create was found or is sent again.
 */
public final class CreateRecovery {
    /**
     * How far back a card found after a lost create answer may have been created and still count as ours; it absorbs
     * clock skew between Jenkins and the board's server.
     */
    public static final Duration RECOVERY_WINDOW = Duration.ofMinutes(2);

    private CreateRecovery() {
    }

    /**
     * Sends a create whose lost answer can be recovered only by reference (KE-chain): without a reference, a lost
     * create is reported, not repeated.
     */
    public static <T> T create(HttpListener events, String reference, Supplier<T> send, Function<String, Optional<T>> byReference) {
        return create(events, null, reference, send, Function.identity(), byReference, null);
    }

    /**
     * Sends a create, recovering a lost answer.
     *
     * @param events the connection's listener ({@link ClientOptions#listener()})
     * @param started when the attempt began (read from the client's clock before anything was sent)
     * @param reference the card's reference, or {@code null}
     * @param send the vendor's create request; sent at most twice, the second time only when nothing was found
     * @param byReference the card carrying a reference, wherever it is on the board
     * @param byTitle the card with the create's title in the target column created at or after the given instant
     *        ({@code started} minus {@link #RECOVERY_WINDOW}); {@code null} when the vendor cannot tell, and then a
     *        lost create without a reference is reported, not repeated
     */
    public static <T> T create(HttpListener events, Instant started, String reference, Supplier<T> send,
            Function<String, Optional<T>> byReference, Function<Instant, Optional<T>> byTitle) {
        return create(events, started, reference, send, Function.identity(), byReference, byTitle);
    }

    /**
     * As {@link #create(HttpListener, Instant, String, Supplier, Function, Function)}, for a create whose answer is not yet the
     * card (Kanboard answers an id): {@code readBack} turns that answer into the card, and a failure there is not a
     * lost create (it is thrown as it is; the create is not sent again).
     */
    public static <A, T> T create(HttpListener events, Instant started, String reference, Supplier<A> send, Function<A, T> readBack,
            Function<String, Optional<T>> byReference, Function<Instant, Optional<T>> byTitle) {
        A answer;
        try {
            answer = send.get();
        } catch (ConnectionException | ApiException e) {
            if (e.httpStatus() > 0 && e.httpStatus() < 500) {
                throw e;
            }
            if (reference == null && byTitle == null) {
                throw e;
            }
            Optional<T> made;
            try {
                made = lookUp(started, reference, byReference, byTitle);
            } catch (BoardException lookupFailed) {
                // The server is still unreachable: report the create's own failure, which says it was not retried.
                throw e;
            }
            if (made.isPresent()) {
                events.lostCreateRecovered(e.vendor(), e.operation(), reference != null);
                return made.get();
            }
            events.lostCreateNotFound(e.vendor(), e.operation());
            answer = send.get();
        }
        return readBack.apply(answer);
    }

    /**
     * What a create that began at {@code started} may have made: the card carrying its reference, else the card with
     * its title in the target column created since {@code started} minus {@link #RECOVERY_WINDOW}. The look-up a lost
     * create makes before it is sent again; also for a vendor whose answer came but did not name the card.
     */
    public static <T> Optional<T> lookUp(Instant started, String reference, Function<String, Optional<T>> byReference,
            Function<Instant, Optional<T>> byTitle) {
        return reference != null ? byReference.apply(reference) : byTitle.apply(started.minus(RECOVERY_WINDOW));
    }
}
