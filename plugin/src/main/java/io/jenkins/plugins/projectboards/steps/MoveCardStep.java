package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardResult;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.internal.FormPermissions;
import io.jenkins.plugins.projectboards.tracking.LinkedCard;
import io.jenkins.plugins.projectboards.tracking.LinkedCardsAction;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** {@code moveCard(card: …, column: …)}: moves a card, given by id, reference or URL, to a column given by name. */
public class MoveCardStep extends BoardStep {
    private final String card;
    private final String column;
    private String position;

    @DataBoundConstructor
    public MoveCardStep(String card, String column) {
        this.card = card;
        this.column = column;
    }

    public String getCard() {
        return card;
    }

    public String getColumn() {
        return column;
    }

    /** {@code top} or {@code bottom} (the default). */
    public String getPosition() {
        return position;
    }

    @DataBoundSetter
    public void setPosition(String position) {
        this.position = Util.fixEmptyAndTrim(position);
    }

    /** Moves the card unless it is in the column already, says which, and records a move on the build. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        MoveCardRequest request = new MoveCardRequest(expand.apply(card), expand.apply(column), expand.apply(getBoard()), position,
                isDryRun());
        return (connection, run, console) -> {
            MoveCardResult result = operations(connection, run).moveCard(request);
            Card moved = result.card();
            String link = ConsoleLink.to(moved.url(), moved.title());
            String target = moved.column().name();
            if (!result.moved()) {
                console.line(Messages.MoveCardStep_alreadyIn(link, target));
            } else if (result.dryRun()) {
                console.line(Messages.MoveCardStep_wouldMove(link, result.previousColumn(), target));
            } else {
                console.line(Messages.MoveCardStep_moved(link, result.previousColumn(), target));
                LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), moved, LinkedCard.What.MOVED,
                        Messages.MoveCardStep_fromTo(result.previousColumn(), target)));
            }
            return result.toMap();
        };
    }

    @Extension
    @Symbol("moveCard")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "moveCard";
        }

        @Override
        public String getDisplayName() {
            return Messages.MoveCardStep_displayName();
        }

        /** The card and where it goes: {@code 42 → Done}. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "card", "column");
        }

        @POST
        public FormValidation doCheckCard(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.BoardStepDescriptor_cardRequired());
        }

        @POST
        public FormValidation doCheckColumn(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.MoveCardStep_columnRequired());
        }

        @POST
        public ListBoxModel doFillPositionItems(@AncestorInPath Item item) {
            FormPermissions.checkConfigure(item);
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.MoveCardStep_bottom(), "");
            items.add(Messages.MoveCardStep_top(), "top");
            return items;
        }
    }
}
