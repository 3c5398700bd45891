package io.jenkins.plugins.projectboards.freestyle;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.StepRunner;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * The board steps a freestyle form offers, and how a freestyle build runs the chosen one: the step's own work, with
 * the build's {@code ${VARIABLES}} expanded into its arguments.
 */
final class FreestyleOperations {
    private final List<Class<? extends BoardStep>> offered;

    /** @param offered the steps the form's operation dropdown offers, in this order */
    @SafeVarargs
    FreestyleOperations(Class<? extends BoardStep>... offered) {
        this.offered = List.of(offered);
    }

    /** The descriptors of the offered steps, for the form's operation dropdown. */
    List<StepDescriptor> descriptors() {
        return offered.stream().map(step -> (StepDescriptor) Jenkins.get().getDescriptorOrDie(step)).toList();
    }

    /**
     * Runs {@code operation}; a configuration that names none, or a step the form does not offer (possible only when
     * the job is configured by a script), fails the build saying so.
     */
    void perform(BoardStep operation, Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        perform(operation, run, null, env, listener);
    }

    /** As {@link #perform(BoardStep, Run, EnvVars, TaskListener)}, with the build's workspace for the steps that read it. */
    void perform(BoardStep operation, Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws InterruptedException, IOException {
        if (operation == null) {
            throw new AbortException(StepConsole.prefixed(Messages.FreestyleOperations_noOperation()));
        }
        if (!offered.contains(operation.getClass())) {
            throw new AbortException(StepConsole.prefixed(Messages.FreestyleOperations_notOffered(operation.getDescriptor().getFunctionName(),
                    String.join(", ", descriptors().stream().map(StepDescriptor::getFunctionName).toList()))));
        }
        try {
            StepRunner.run(env.expand(operation.getConnection()), operation.getFailOnError(), run, listener, operation.work(env::expand, workspace));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
