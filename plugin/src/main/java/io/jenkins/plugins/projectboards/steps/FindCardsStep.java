package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.FindCardsRequest;
import io.jenkins.plugins.projectboards.client.ops.FindCardsResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code findCards(board: …, column: …, labels: […], text: …, reference: …, limit: 50)}: the cards of a board that
 * match every given criterion, as a list of the maps {@code getCard} returns.
 */
public class FindCardsStep extends BoardStep {
    /** Where the work's map keeps the list a Pipeline gets back. */
    private static final String CARDS = "cards";

    private String column;
    private List<String> labels = new ArrayList<>();
    private String text;
    private String reference;
    private Integer limit;

    @DataBoundConstructor
    public FindCardsStep() {}

    public String getColumn() {
        return column;
    }

    @DataBoundSetter
    public void setColumn(String column) {
        this.column = Util.fixEmptyAndTrim(column);
    }

    public List<String> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
    }

    public String getText() {
        return text;
    }

    @DataBoundSetter
    public void setText(String text) {
        this.text = Util.fixEmptyAndTrim(text);
    }

    public String getReference() {
        return reference;
    }

    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = Util.fixEmptyAndTrim(reference);
    }

    /** At most this many cards; {@code null} for 50. */
    public Integer getLimit() {
        return limit;
    }

    @DataBoundSetter
    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    /** Finds the cards and says how many; the map holds them under {@value #CARDS} for {@link #pipelineResult}. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        FindCardsRequest request = new FindCardsRequest(expand.apply(getBoard()), expand.apply(column),
                labels.stream().map(expand).toList(), expand.apply(text), expand.apply(reference), limit, isDryRun());
        return (connection, run, console) -> {
            FindCardsResult result = operations(connection, run).findCards(request);
            console.line(found(result.cards().size()));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(CARDS, result.toMaps());
            return map;
        };
    }

    /** How many cards were found, as a sentence: a message per count, so that each reads right (and translates). */
    private static String found(int count) {
        return switch (count) {
            case 0 -> Messages.FindCardsStep_foundNone();
            case 1 -> Messages.FindCardsStep_foundOne();
            default -> Messages.FindCardsStep_foundMany(count);
        };
    }

    /** The list of cards; a failure with {@code failOnError: false} returns the usual map with {@code error}. */
    @Override
    protected Object pipelineResult(Map<String, Object> result) {
        return result.containsKey(CARDS) ? result.get(CARDS) : result;
    }

    @Extension
    @Symbol("findCards")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "findCards";
        }

        @Override
        public String getDisplayName() {
            return Messages.FindCardsStep_displayName();
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "board", "column", "labels", "text", "reference");
        }
    }
}
