package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.CardDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The cards {@code findCards} found, in the board's order. */
public record FindCardsResult(List<CardDetails> cards, boolean dryRun) {

    public FindCardsResult {
        cards = List.copyOf(cards);
    }

    /** One map per card, each as {@link GetCardResult#toMap()} gives it, in a plain {@code ArrayList}. */
    public List<Map<String, Object>> toMaps() {
        return cards.stream().map(card -> CardCore.of(card, dryRun)).collect(Collectors.toCollection(ArrayList::new));
    }
}
