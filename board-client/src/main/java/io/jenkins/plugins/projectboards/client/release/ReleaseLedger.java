package io.jenkins.plugins.projectboards.client.release;

import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdateOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What release tracking carries from one build to the next (the plugin keeps it on each build): the cards already
 * released in a version, so that no card is commented twice for one version (also when a build is replayed), and
 * the cards not updated yet, so that the next build retries them instead of dropping them.
 *
 * <p>Cards are identified as {@code ID:<id>} or {@code REFERENCE:<reference>} ({@link #key}); a card released by
 * reference is remembered under its id too, so a later commit naming it by id or URL finds it.
 *
 * @param released entries {@code <version> <key>} ({@link #entry})
 * @param carried card text (as {@link CardRef#parse} reads it) → builds that tried and failed to update it so far
 * @param commented the carried cards (their text) whose release comment is written: only their move is left, so
 *     the next build moves them without commenting again
 */
public record ReleaseLedger(Set<String> released, Map<String, Integer> carried, Set<String> commented) {
    /** After this many builds in a row fail to update a card, it is given up, and the console says so. */
    public static final int MAX_ATTEMPTS = 5;

    public ReleaseLedger {
        // Copies that keep the order: carried cards are retried in the order they were first carried.
        released = Collections.unmodifiableSet(new LinkedHashSet<>(released));
        carried = Collections.unmodifiableMap(new LinkedHashMap<>(carried));
        commented = Collections.unmodifiableSet(new LinkedHashSet<>(commented));
    }

    public static ReleaseLedger empty() {
        return new ReleaseLedger(Set.of(), Map.of(), Set.of());
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
        Set<String> commentWritten = new LinkedHashSet<>();
        for (Map.Entry<String, CardRef> card : wanted.entrySet()) {
            if (released.contains(entry(version, card.getKey()))) {
                alreadyReleased.add(card.getValue());
                continue;
            }
            toUpdate.add(card.getValue());
            if (commented.contains(card.getValue().text())) {
                commentWritten.add(card.getKey());
            }
        }
        return new ReleasePlan(version, toUpdate, alreadyReleased, commentWritten);
    }

    /**
     * The ledger after a release, or after part of one: successful cards remembered as released in the plan's
     * version; failed ones carried with one more attempt (and with their comment marked written when it was), those
     * that failed {@link #MAX_ATTEMPTS} times listed in {@link Recorded#givenUp}. A planned card without an outcome
     * (the board could not be read, or the release is still under way), or whose update got no answer from the server
     * ({@link CardUpdateOutcome#unreachable}), stays carried with its attempts unchanged, so an outage never uses up a
     * card's attempts and a restart loses nothing.
     *
     * @param outcomes the outcomes so far, for cards of {@code plan.toUpdate()}, in any order
     */
    public Recorded record(ReleasePlan plan, List<CardUpdateOutcome> outcomes) {
        Map<String, CardUpdateOutcome> byKey = new HashMap<>();
        outcomes.forEach(outcome -> byKey.put(key(outcome.update().card()), outcome));
        Set<String> nowReleased = new LinkedHashSet<>(released);
        Map<String, Integer> nowCarried = new LinkedHashMap<>();
        Set<String> nowCommented = new LinkedHashSet<>();
        List<String> givenUp = new ArrayList<>();
        for (CardRef ref : plan.toUpdate()) {
            CardUpdateOutcome outcome = byKey.get(key(ref));
            int attempts = carried.getOrDefault(ref.text(), 0);
            boolean commentWritten = plan.commentWritten().contains(key(ref));
            if (outcome != null && outcome.succeeded()) {
                nowReleased.add(entry(plan.version(), key(ref)));
                if (outcome.card() != null) {
                    nowReleased.add(entry(plan.version(), key(CardRef.id(outcome.card().id()))));
                }
                continue;
            }
            if (outcome != null) {
                commentWritten |= outcome.commented();
            }
            // Only an answer about the card uses up an attempt: while the server is unreachable the card waits.
            if (outcome != null && !outcome.unreachable()) {
                attempts++;
                if (attempts >= MAX_ATTEMPTS) {
                    givenUp.add(ref.text());
                    continue;
                }
            }
            nowCarried.put(ref.text(), attempts);
            if (commentWritten) {
                nowCommented.add(ref.text());
            }
        }
        return new Recorded(new ReleaseLedger(nowReleased, nowCarried, nowCommented), givenUp);
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
