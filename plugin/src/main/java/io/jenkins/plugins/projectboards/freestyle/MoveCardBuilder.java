package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import io.jenkins.plugins.projectboards.steps.BoardActions;
import io.jenkins.plugins.projectboards.steps.FormPermissions;
import io.jenkins.plugins.projectboards.steps.MoveCardStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/** Freestyle "Project Boards: move a card". */
public class MoveCardBuilder extends BoardBuilder {
    private final String card;
    private final String column;
    private String board;
    private String position;

    @DataBoundConstructor
    public MoveCardBuilder(String card, String column) {
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

    public String getPosition() {
        return position;
    }

    @DataBoundSetter
    public void setPosition(String position) {
        this.position = Util.fixEmptyAndTrim(position);
    }

    @Override
    protected BoardActionRunner.Action action(EnvVars env) {
        MoveCardRequest request = new MoveCardRequest(env.expand(card), env.expand(column), env.expand(board), position, isDryRun());
        return (connection, run, console) -> BoardActions.moveCard(connection, run, console, request);
    }

    @Extension
    @Symbol("moveCardBuilder")
    public static class DescriptorImpl extends BoardBuilderDescriptor {
        public DescriptorImpl() {
            super(MoveCardBuilder.class, MoveCardStep.class, "card", "column", "board", "position");
        }

        @Override
        public String getDisplayName() {
            return Messages.MoveCardBuilder_displayName();
        }

        @POST
        public ListBoxModel doFillPositionItems(@AncestorInPath Item item) {
            FormPermissions.checkConfigure(item);
            return MoveCardStep.DescriptorImpl.positionItems();
        }
    }
}
