package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.steps.AttachFileStep;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.CommentOnTaskStep;
import io.jenkins.plugins.projectboards.steps.CreateTaskStep;
import io.jenkins.plugins.projectboards.steps.MoveCardStep;
import io.jenkins.plugins.projectboards.steps.UpdateCardStep;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle "Project Boards" build step: one of the card steps ({@code createTask}, {@code moveCard},
 * {@code commentOnTask}, {@code attachFile}) with the same form, help and behaviour as in a Pipeline, and the build's
 * {@code ${VARIABLES}} expanded into its arguments.
 */
public class BoardBuildStep extends Builder implements SimpleBuildStep {
    private static final FreestyleOperations OPERATIONS =
            new FreestyleOperations(CreateTaskStep.class, MoveCardStep.class, CommentOnTaskStep.class, AttachFileStep.class,
                    UpdateCardStep.class);

    private BoardStep operation;

    /** The operation is a setter, not a constructor argument, so that {@code step(...)} in a Pipeline can bind it. */
    @DataBoundConstructor
    public BoardBuildStep() {}

    public BoardStep getOperation() {
        return operation;
    }

    @DataBoundSetter
    public void setOperation(BoardStep operation) {
        this.operation = operation;
    }

    /** Only an operation that reads files ({@code attachFile}) needs the workspace; the others run without one. */
    @Override
    public boolean requiresWorkspace() {
        return operation != null && operation.requiresWorkspace();
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        OPERATIONS.perform(operation, run, env, listener);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        OPERATIONS.perform(operation, run, workspace, env, listener);
    }

    @Extension
    @Symbol("boardBuildStep")
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.BoardBuildStep_displayName();
        }

        /** What the form's operation dropdown offers. */
        public List<StepDescriptor> getOperations() {
            return OPERATIONS.descriptors();
        }
    }
}
