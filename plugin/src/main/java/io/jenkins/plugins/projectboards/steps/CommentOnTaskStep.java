package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code commentOnTask(task: …, text: …)}: adds a comment to a card given by id, reference or URL. */
public class CommentOnTaskStep extends BoardStep implements FreestyleOperation {
    private final String task;
    private final String text;
    private String board;

    @DataBoundConstructor
    public CommentOnTaskStep(String task, String text) {
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
    public StepExecution start(StepContext context) {
        return new BoardStepExecution(context, this, action(UnaryOperator.identity()));
    }

    @Override
    public BoardActionRunner.Action action(UnaryOperator<String> expand) {
        CommentRequest request = new CommentRequest(expand.apply(task), expand.apply(text), expand.apply(board), isDryRun());
        return (connection, run, console) -> BoardActions.commentOnTask(connection, run, console, request);
    }

    @Extension
    @Symbol("commentOnTask")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "commentOnTask";
        }

        @Override
        public String getDisplayName() {
            return Messages.CommentOnTaskStep_displayName();
        }
    }
}
