package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import io.jenkins.plugins.projectboards.steps.BoardActions;
import io.jenkins.plugins.projectboards.steps.CreateTaskStep;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle "Project Boards: create a card". */
public class CreateTaskBuilder extends BoardBuilder {
    private final String title;
    private String board;
    private String column;
    private String description;
    private String due;
    private String assignee;
    private String reference;

    @DataBoundConstructor
    public CreateTaskBuilder(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    public String getColumn() {
        return column;
    }

    @DataBoundSetter
    public void setColumn(String column) {
        this.column = Util.fixEmptyAndTrim(column);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmpty(description);
    }

    public String getDue() {
        return due;
    }

    @DataBoundSetter
    public void setDue(String due) {
        this.due = Util.fixEmptyAndTrim(due);
    }

    public String getAssignee() {
        return assignee;
    }

    @DataBoundSetter
    public void setAssignee(String assignee) {
        this.assignee = Util.fixEmptyAndTrim(assignee);
    }

    public String getReference() {
        return reference;
    }

    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = Util.fixEmptyAndTrim(reference);
    }

    @Override
    protected BoardActionRunner.Action action(EnvVars env) {
        CreateTaskRequest request = new CreateTaskRequest(env.expand(board), env.expand(column), env.expand(title),
                env.expand(description), List.of(), env.expand(due), env.expand(assignee), env.expand(reference), isDryRun());
        return (connection, run, console) -> BoardActions.createTask(connection, run, console, request);
    }

    @Extension
    @Symbol("createTaskBuilder")
    public static class DescriptorImpl extends BoardBuilderDescriptor {
        public DescriptorImpl() {
            super(CreateTaskBuilder.class, CreateTaskStep.class, "title", "board", "column", "description", "due", "assignee", "reference");
        }

        @Override
        public String getDisplayName() {
            return Messages.CreateTaskBuilder_displayName();
        }
    }
}
