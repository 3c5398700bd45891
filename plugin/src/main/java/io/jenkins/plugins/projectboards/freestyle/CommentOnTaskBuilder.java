package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import io.jenkins.plugins.projectboards.steps.BoardActions;
import io.jenkins.plugins.projectboards.steps.CommentOnTaskStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle "Project Boards: comment on a card". */
public class CommentOnTaskBuilder extends BoardBuilder {
    private final String task;
    private final String text;
    private String board;

    @DataBoundConstructor
    public CommentOnTaskBuilder(String task, String text) {
        this.task = task;
        this.text = text;
    }

    public String getTask() {
        return task;
    }

    public String getText() {
        return text;
    }

    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    @Override
    protected BoardActionRunner.Action action(EnvVars env) {
        CommentRequest request = new CommentRequest(env.expand(task), env.expand(text), env.expand(board), isDryRun());
        return (connection, run, console) -> BoardActions.commentOnTask(connection, run, console, request);
    }

    @Extension
    @Symbol("commentOnTaskBuilder")
    public static class DescriptorImpl extends BoardBuilderDescriptor {
        public DescriptorImpl() {
            super(CommentOnTaskBuilder.class, CommentOnTaskStep.class, "task", "text", "board");
        }

        @Override
        public String getDisplayName() {
            return Messages.CommentOnTaskBuilder_displayName();
        }
    }
}
