package io.jenkins.plugins.projectboards.client.release;

import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What release tracking carries from one build to the next (the plugin keeps it on each build): the cards already
 * released in a version, so that no card is commented twice for one version (also when a build is replayed), and
 * the cards whose update failed, so that the next build retries them instead of dropping them.
 *
 * <p>Cards are identified as {@code ID:<id>} or {@code REFERENCE:<reference>} ({@link #key}); a card released by
 * reference is remembered under its id too, so a later commit naming it by id or URL finds it.
 *
 * @param released entries {@code <version> <key>} ({@link #entry})
 * @param carried card text (as {@link CardRef#parse} reads it) → builds that failed to update it so far
 */
public record ReleaseLedger(Set<String> released, Map<String, Integer> carried) {
    /** After this many builds in a row fail to update a card, it is given up, and the console says so. */
    public static final int MAX_ATTEMPTS = 5;

    public ReleaseLedger {
        released = Set.copyOf(released);
        carried = Map.copyOf(carried);
    }

    public static ReleaseLedger empty() {
        return new ReleaseLedger(Set.of(), Map.of());
    }

    /**
     * What a release of {@code version} updates: the carried cards first, then the referenced ones, each once.
     *
     * @param referenced the references in the commits since the last successful build
     */
    public ReleasePlan plan(String version, List<CardRef> referenced) {
        Map<String, CardRef> wanted = new LinkedHashMap<>();
        carried.keySet().forEach(text -> wanted.putIfAbsent(key(CardRef.parse(text)), CardRef.parse(text)));
        referenced.forEach(ref -> wanted.putIfAbsent(key(ref), ref));
        List<CardRef> toUpdate = new ArrayList<>();
        List<CardRef> alreadyReleased = new ArrayList<>();
        for (Map.Entry<String, CardRef> card : wanted.entrySet()) {
            (released.contains(entry(version, card.getKey())) ? alreadyReleased : toUpdate).add(card.getValue());
        }
        return new ReleasePlan(version, toUpdate, alreadyReleased);
    }

    /**
     * The ledger after a release: successful cards remembered as released in the plan's version, failed ones carried
     * (with one more attempt), and those that failed {@link #MAX_ATTEMPTS} times listed in {@link Recorded#givenUp}.
     */
    public Recorded record(ReleasePlan plan, List<CardUpdateOutcome> outcomes) {
        Set<String> nowReleased = new LinkedHashSet<>(released);
        Map<String, Integer> nowCarried = new LinkedHashMap<>();
        List<String> givenUp = new ArrayList<>();
        for (CardUpdateOutcome outcome : outcomes) {
            CardRef ref = outcome.update().card();
            if (outcome.succeeded()) {
                nowReleased.add(entry(plan.version(), key(ref)));
                if (outcome.card() != null) {
                    nowReleased.add(entry(plan.version(), key(CardRef.id(outcome.card().id()))));
                }
                continue;
            }
            int attempts = carried.getOrDefault(ref.text(), 0) + 1;
            if (attempts >= MAX_ATTEMPTS) {
                givenUp.add(ref.text());
            } else {
                nowCarried.put(ref.text(), attempts);
            }
        }
        return new Recorded(new ReleaseLedger(nowReleased, nowCarried), givenUp);
    }

    /** The ledger after {@link #record}, and the cards it stopped carrying. */
    public record Recorded(ReleaseLedger ledger, List<String> givenUp) {}

    static String key(CardRef ref) {
        return ref.kind() + ":" + ref.value();
    }

    static String entry(String version, String key) {
        return version + " " + key;
    }
}
