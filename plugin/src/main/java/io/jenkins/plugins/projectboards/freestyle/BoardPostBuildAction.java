package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.NotifyBoardStep;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Freestyle "Project Boards" post-build action: {@code notifyBoard} or {@code releaseCards}. It runs after the
 * build's result is set, so notifications see the final result.
 */
public class BoardPostBuildAction extends Recorder implements SimpleBuildStep {
    private static final FreestyleOperations OPERATIONS = new FreestyleOperations(NotifyBoardStep.class, ReleaseCardsStep.class);

    private BoardStep operation;

    @DataBoundConstructor
    public BoardPostBuildAction() {}

    public BoardStep getOperation() {
        return operation;
    }

    @DataBoundSetter
    public void setOperation(BoardStep operation) {
        this.operation = operation;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        OPERATIONS.perform(operation, run, env, listener);
    }

    @Extension
    @Symbol("boardPostBuildAction")
    public static class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.BoardPostBuildAction_displayName();
        }

        public List<StepDescriptor> getOperations() {
            return OPERATIONS.descriptors();
        }
    }
}
