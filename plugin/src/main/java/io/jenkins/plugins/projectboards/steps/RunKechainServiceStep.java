package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.internal.FormPermissions;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code runKechainService(scope: …, service: …)}: runs a KE-chain service and, unless {@code wait: false}, follows
 * the execution to its end; the wait survives a Jenkins restart.
 *
 * <p>The one step that is not a {@link BoardStep}: it has no board, and its wait is a durable execution of its own
 * ({@link RunKechainServiceExecution}, kept in the Pipeline's saved state) rather than a {@link StepWork} on a thread.
 * Each look at KE-chain in that execution is still a {@link StepWork} that {@link StepRunner} runs, so connection
 * lookup, console and failure handling are the other steps'.
 */
public class RunKechainServiceStep extends ConnectionStep {
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;

    private final String scope;
    private final String service;
    private boolean wait = true;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private String ifRunning;

    @DataBoundConstructor
    public RunKechainServiceStep(String scope, String service) {
        this.scope = scope;
        this.service = service;
    }

    public String getScope() {
        return scope;
    }

    public String getService() {
        return service;
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** Validated when the step runs, so that a bad value fails (or not) like every other argument. */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    /** {@code attach} (the default) or {@code fail}. */
    public String getIfRunning() {
        return ifRunning;
    }

    @DataBoundSetter
    public void setIfRunning(String ifRunning) {
        this.ifRunning = Util.fixEmptyAndTrim(ifRunning);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RunKechainServiceExecution(context, this);
    }

    @Extension
    @Symbol("runKechainService")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "runKechainService";
        }

        @Override
        public String getDisplayName() {
            return Messages.RunKechainServiceStep_displayName();
        }

        /** The service. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "service");
        }

        @POST
        public FormValidation doCheckScope(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.RunKechainServiceStep_scopeRequired());
        }

        @POST
        public FormValidation doCheckService(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.RunKechainServiceStep_serviceRequired());
        }

        /** As the step refuses it when it runs: a wait of less than a minute. */
        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            FormPermissions.checkConfigure(item);
            return FormValidation.validatePositiveInteger(value);
        }

        @POST
        public ListBoxModel doFillIfRunningItems(@AncestorInPath Item item) {
            FormPermissions.checkConfigure(item);
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.RunKechainServiceStep_attach(), "");
            items.add(Messages.RunKechainServiceStep_fail(), "fail");
            return items;
        }
    }
}
