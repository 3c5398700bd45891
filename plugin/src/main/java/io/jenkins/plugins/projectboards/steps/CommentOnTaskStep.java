package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CommentResult;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code commentOnTask(task: …, text: …)}: adds a comment to a card given by id, reference or URL. */
public class CommentOnTaskStep extends BoardStep {
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
        return new BoardStepExecution(context, this, (connection, run, console) -> {
            CommentResult result = new BoardOperations(connection.client(run), connection.getDefaultBoard())
                    .commentOnTask(new CommentRequest(task, text, board, isDryRun()));
            console.linkLine(result.dryRun() ? Messages.CommentOnTaskStep_wouldComment() : Messages.CommentOnTaskStep_commented(),
                    result.url(), Messages.CommentOnTaskStep_card(result.task()), "");
            return result.toMap();
        });
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
