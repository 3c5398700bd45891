package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A board operation as a freestyle build step (and, through {@code step(…)}, a Pipeline one). It takes the same
 * arguments as the matching Pipeline step, with {@code ${VARIABLE}}s of the build expanded.
 */
public abstract class BoardBuilder extends Builder implements SimpleBuildStep {
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

    /** The operation with the build's variables expanded into its arguments. */
    protected abstract BoardActionRunner.Action action(EnvVars env);

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        perform(env.expand(connection), failOnError, run, listener, action(env));
    }

    /** Runs a freestyle build step's or post-build action's board action with the exceptions a build step may throw. */
    static void perform(String connection, Boolean failOnError, Run<?, ?> run, TaskListener listener, BoardActionRunner.Action action)
            throws InterruptedException, IOException {
        try {
            BoardActionRunner.run(connection, failOnError, run, listener, action);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
