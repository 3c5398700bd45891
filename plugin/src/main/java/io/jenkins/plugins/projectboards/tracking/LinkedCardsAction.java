package io.jenkins.plugins.projectboards.tracking;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The cards a build created or touched, shown on the build's page ("Board cards") and given to later steps as
 * {@code BOARD_CARDS} (ids) and {@code BOARD_CARD_URLS}, comma-separated, each card once.
 */
public class LinkedCardsAction implements EnvironmentContributingAction, RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(LinkedCardsAction.class.getName());

    private final List<LinkedCard> cards = new CopyOnWriteArrayList<>();
    /** The build, for its side panel on the "Board cards" page; set by Jenkins, never saved. */
    private transient Run<?, ?> run;

    /** Adds what a step did to a card to the build, creating the action on first use. */
    public static void record(Run<?, ?> run, LinkedCard card) {
        record(run, List.of(card));
    }

    /** Adds many entries with one save of the build (a release may touch hundreds of cards). */
    public static void record(Run<?, ?> run, List<LinkedCard> entries) {
        if (entries.isEmpty()) {
            return;
        }
        LinkedCardsAction action;
        synchronized (run) {
            action = run.getAction(LinkedCardsAction.class);
            if (action == null) {
                action = new LinkedCardsAction();
                run.addAction(action);
            }
        }
        action.cards.addAll(entries);
        if (run.isLogUpdated()) {
            // Jenkins saves a build that is still running when it ends (after the completion listeners), and a
            // Pipeline also after each step as its durability setting asks. Saving here as well rewrote build.xml,
            // every entry so far, once per step: 16-88 ms a step with 300 entries on the rig.
            return;
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + run + " after recording a board card", e);
        }
    }

    /** Every entry, in the order the build made them. */
    public List<LinkedCard> getCards() {
        return List.copyOf(cards);
    }

    /** The cards found on a board (not the failed look-ups), each once: its latest entry. */
    public List<LinkedCard> getDistinctCards() {
        Map<String, LinkedCard> distinct = new LinkedHashMap<>();
        for (LinkedCard card : cards) {
            if (card.getUrl() != null || card.getWhat() != LinkedCard.What.FAILED) {
                distinct.put(card.getConnection() + "\u0000" + card.getId(), card);
            }
        }
        return new ArrayList<>(distinct.values());
    }

    /** The ids of the cards this build touched on {@code connection}. */
    public List<String> cardIds(String connection) {
        return getDistinctCards().stream().filter(card -> card.getConnection().equals(connection)).map(LinkedCard::getId).toList();
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
        List<LinkedCard> distinct = getDistinctCards();
        env.put("BOARD_CARDS", String.join(",", distinct.stream().map(LinkedCard::getId).toList()));
        env.put("BOARD_CARD_URLS", String.join(",", distinct.stream().map(card -> card.getUrl() == null ? "" : card.getUrl()).toList()));
    }

    @Override
    public String getIconFileName() {
        return "symbol-id-card";
    }

    @Override
    public String getDisplayName() {
        return Messages.LinkedCardsAction_displayName();
    }

    @Override
    public String getUrlName() {
        return "board-cards";
    }
}
