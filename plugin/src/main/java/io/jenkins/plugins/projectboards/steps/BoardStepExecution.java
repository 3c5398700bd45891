package io.jenkins.plugins.projectboards.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs one board action off the CPS thread; what a failure does is {@link BoardActionRunner}'s. */
public final class BoardStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient BoardStep step;
    private final transient BoardActionRunner.Action action;

    public BoardStepExecution(StepContext context, BoardStep step, BoardActionRunner.Action action) {
        super(context);
        this.step = step;
        this.action = action;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        return BoardActionRunner.run(step.getConnection(), step.getFailOnError(), context.get(Run.class),
                context.get(TaskListener.class), action);
    }
}
