package io.jenkins.plugins.projectboards.freestyle;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.FreestyleOperation;
import io.jenkins.plugins.projectboards.steps.StepConsole;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/** Runs a step's operation in a freestyle build, and lists which steps a freestyle form offers. */
final class FreestyleOperations {
    private FreestyleOperations() {}

    static void perform(BoardStep operation, Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        if (!(operation instanceof FreestyleOperation freestyle)) {
            throw new AbortException(StepConsole.prefixed(Messages.FreestyleOperations_noOperation()));
        }
        try {
            BoardActionRunner.run(env.expand(operation.getConnection()), operation.getFailOnError(), run, listener, freestyle.action(env::expand));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The descriptors of the given steps, in this order, for a form's operation dropdown. */
    @SafeVarargs
    static List<StepDescriptor> descriptors(Class<? extends BoardStep>... steps) {
        return java.util.Arrays.stream(steps).map(step -> (StepDescriptor) Jenkins.get().getDescriptorOrDie(step)).toList();
    }
}
