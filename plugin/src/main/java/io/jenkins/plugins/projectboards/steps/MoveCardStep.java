package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/** {@code moveCard(card: …, column: …)}: moves a card, given by id, reference or URL, to a column given by name. */
public class MoveCardStep extends BoardStep implements FreestyleOperation {
    private final String card;
    private final String column;
    private String board;
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

    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    /** {@code top} or {@code bottom} (the default). */
    public String getPosition() {
        return position;
    }

    @DataBoundSetter
    public void setPosition(String position) {
        this.position = Util.fixEmptyAndTrim(position);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new BoardStepExecution(context, this, action(UnaryOperator.identity()));
    }

    @Override
    public BoardActionRunner.Action action(UnaryOperator<String> expand) {
        MoveCardRequest request = new MoveCardRequest(expand.apply(card), expand.apply(column), expand.apply(board), position, isDryRun());
        return (connection, run, console) -> BoardActions.moveCard(connection, run, console, request);
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
