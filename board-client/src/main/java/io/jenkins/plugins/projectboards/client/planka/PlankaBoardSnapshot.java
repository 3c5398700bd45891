package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** One {@code GET /api/boards/{id}}: the board's lists (active and closed, in order), labels, cards and members. */
public record PlankaBoardSnapshot(List<PlankaList> lists, List<PlankaLabel> labels, List<PlankaCard> cards, List<PlankaUser> users) {

    static PlankaBoardSnapshot from(JsonNode answer) {
        JsonNode included = answer.path("included");
        return new PlankaBoardSnapshot(
                read(included.get("lists"), PlankaList::from).stream().filter(PlankaList::holdsCards)
                        .sorted(Comparator.comparingDouble(PlankaList::position)).toList(),
                read(included.get("labels"), PlankaLabel::from),
                read(included.get("cards"), PlankaCard::from),
                read(included.get("users"), PlankaUser::from));
    }

    static <T> List<T> read(JsonNode array, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> items.add(reader.apply(node)));
        }
        return List.copyOf(items);
    }

    List<PlankaCard> cardsIn(String listId) {
        return cards.stream().filter(card -> card.listId().equals(listId)).toList();
    }
}
