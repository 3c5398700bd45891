package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Recorder;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A board update as a freestyle post-build action: it runs after the build's result is set, so it sees the final
 * result. Same arguments as the matching Pipeline step.
 */
public abstract class BoardPublisher extends Recorder implements SimpleBuildStep {
    private String connection;
    private Boolean failOnError;
    private boolean dryRun;

    public String getConnection() {
        return connection;
    }

    @DataBoundSetter
    public void setConnection(String connection) {
        this.connection = Util.fixEmptyAndTrim(connection);
    }

    /** Only {@code true} fails the build for cards that could not be updated: notifications are best effort. */
    public Boolean getFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(Boolean failOnError) {
        this.failOnError = failOnError;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    protected abstract BoardActionRunner.Action action(EnvVars env);

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
        BoardBuilder.perform(env.expand(connection), failOnError, run, listener, action(env));
    }
}
