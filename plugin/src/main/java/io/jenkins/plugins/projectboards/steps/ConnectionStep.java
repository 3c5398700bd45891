package io.jenkins.plugins.projectboards.steps;

import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every Project Boards step takes besides its own arguments: the connection, failure handling, and a dry run.
 * The steps that work on a board extend {@link BoardStep}; {@code runKechainService}, which follows a KE-chain
 * service run and has no board, extends this directly.
 */
public abstract class ConnectionStep extends Step {
    private String connection;
    private Boolean failOnError;
    private boolean dryRun;

    /** The connection's name; blank means the default connection. */
    public String getConnection() {
        return connection;
    }

    @DataBoundSetter
    public void setConnection(String connection) {
        this.connection = Util.fixEmptyAndTrim(connection);
    }

    /** {@code null} means the global default (Manage Jenkins → System → Project Boards). */
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
}
