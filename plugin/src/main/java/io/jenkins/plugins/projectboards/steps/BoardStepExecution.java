package io.jenkins.plugins.projectboards.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs a board step's work off the CPS thread; what a failure does is {@link StepRunner}'s. */
public final class BoardStepExecution extends SynchronousNonBlockingStepExecution<Object> {
    private static final long serialVersionUID = 1L;

    private final transient BoardStep step;

    BoardStepExecution(StepContext context, BoardStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Object run() throws Exception {
        StepContext context = getContext();
        // Only a step that reads the workspace asks for it: the others also run outside node {}.
        FilePath workspace = step.requiresWorkspace() ? context.get(FilePath.class) : null;
        return step.pipelineResult(StepRunner.run(step.getConnection(), step.getFailOnError(), context.get(Run.class),
                context.get(TaskListener.class), step.work(UnaryOperator.identity(), workspace)));
    }
}
