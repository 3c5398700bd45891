package io.jenkins.plugins.projectboards.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs one board operation off the CPS thread and turns its outcome into what Pipeline sees: the result map, or on
 * failure either an {@link AbortException} with the reason (no stack trace) or, with {@code failOnError: false},
 * the reason printed and returned as {@code error}.
 */
public final class BoardStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    /** The operation a step performs on its connection; it prints its own console line. */
    @FunctionalInterface
    public interface Operation {
        Map<String, Object> perform(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception;
    }

    private final transient BoardStep step;
    private final transient Operation operation;

    public BoardStepExecution(StepContext context, BoardStep step, Operation operation) {
        super(context);
        this.step = step;
        this.operation = operation;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        StepConsole console = new StepConsole(context.get(TaskListener.class));
        ProjectBoardsConfiguration configuration = ProjectBoardsConfiguration.get();
        boolean failOnError = step.getFailOnError() == null ? configuration.isFailOnError() : step.getFailOnError();
        try {
            BoardConnection connection = configuration.connection(step.getConnection());
            return operation.perform(connection, context.get(Run.class), console);
        } catch (BoardException | IllegalArgumentException e) {
            if (failOnError) {
                throw new AbortException(console.prefix(e.getMessage()));
            }
            console.line(e.getMessage() + " (failOnError: false, continuing)");
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("error", e.getMessage());
            return failed;
        }
    }
}
