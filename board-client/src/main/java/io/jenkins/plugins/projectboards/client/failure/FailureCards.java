package io.jenkins.plugins.projectboards.client.failure;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A card for a broken job: opened when the job breaks, commented on while it stays broken, commented "fixed" and
 * moved when it is back to health. The decision here is pure; the caller looks the card up on the board each time
 * (never from what it saved) and does what {@link #decide} says.
 *
 * <p>Each break has its own card, named by the reference {@link #reference}: the job's full name and the first build
 * after the last healthy one. A card of an earlier break (moved to done or closed) is therefore never reused for a
 * new break, and every build of one break, also concurrent ones that finish out of order, names the same card. A
 * card moved or closed by hand while the job is still broken is still that break's card: it gets the further
 * comments, and no second card is opened for the break.
 */
public final class FailureCards {
    /** What counts as broken when nothing is configured. */
    public static final List<String> DEFAULT_RESULTS = List.of("FAILURE");
    private static final Set<String> ALLOWED_RESULTS = Set.of("FAILURE", "UNSTABLE");

    private final Set<String> brokenResults;

    /**
     * @param brokenResults {@code FAILURE} and optionally {@code UNSTABLE} (any case); empty or {@code null} means
     *     {@link #DEFAULT_RESULTS}
     * @throws IllegalArgumentException for any other value, naming it and the allowed ones; callers turn it into an
     *     error naming their field
     */
    public FailureCards(Collection<String> brokenResults) {
        Set<String> results = new TreeSet<>();
        for (String result : brokenResults == null || brokenResults.isEmpty() ? DEFAULT_RESULTS : brokenResults) {
            String value = result == null ? "" : result.strip().toUpperCase(Locale.ROOT);
            if (!ALLOWED_RESULTS.contains(value)) {
                throw new IllegalArgumentException("'" + result + "' is not a result that can count as broken; use FAILURE or UNSTABLE");
            }
            results.add(value);
        }
        this.brokenResults = Set.copyOf(results);
    }

    /** The results that count as broken, in alphabetical order. */
    public List<String> brokenResults() {
        return List.copyOf(new TreeSet<>(brokenResults));
    }

    public boolean broken(String result) {
        return result != null && brokenResults.contains(result);
    }

    /**
     * Whether {@code result} ends a break: {@code SUCCESS}, and {@code UNSTABLE} when it does not count as broken.
     * {@code ABORTED} and {@code NOT_BUILT} say nothing about the job's health and are neither.
     */
    public boolean healthy(String result) {
        return "SUCCESS".equals(result) || ("UNSTABLE".equals(result) && !broken(result));
    }

    /** The reference of the card for the break that started after build {@code lastHealthy} (0: the first build). */
    public static String reference(String job, int lastHealthy) {
        return job + " broken since #" + (lastHealthy + 1);
    }

    /**
     * The card to look up for {@code build}, or {@code null} when the build needs none (it is neither broken nor the
     * first healthy build after a broken one), so a healthy job costs no request.
     */
    public String lookup(JobBuild build) {
        boolean needed = broken(build.result()) || (healthy(build.result()) && broken(build.previousResult()));
        return needed ? reference(build.job(), build.lastHealthy()) : null;
    }

    /**
     * What to do for {@code build}, given whether the card {@link #lookup} names was found on the board.
     *
     * @param cardFound whether the board has a card with that reference (in any column, also closed)
     */
    public Action decide(JobBuild build, boolean cardFound) {
        if (lookup(build) == null) {
            return Action.NONE;
        }
        if (broken(build.result())) {
            return cardFound ? Action.STILL_FAILING : Action.OPEN;
        }
        return cardFound ? Action.FIXED : Action.FIXED_WITHOUT_CARD;
    }

    /** What a build does to its job's failure card. */
    public enum Action {
        /** Not broken, and not the end of a break: nothing to do. */
        NONE,
        /** The job broke (or its card was deleted while broken): create the card and comment that it was opened. */
        OPEN,
        /** Broken again: comment on the break's card. */
        STILL_FAILING,
        /** Back to health: comment "fixed" on the break's card and move it to the success column. */
        FIXED,
        /** Back to health, but the break's card is gone (deleted by hand): nothing to update, say so. */
        FIXED_WITHOUT_CARD
    }
}
