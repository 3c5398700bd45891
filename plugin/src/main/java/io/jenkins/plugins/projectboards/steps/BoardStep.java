package io.jenkins.plugins.projectboards.steps;

import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that works on a board. Adding one is one class plus its resources: its arguments, and in {@link #work} what
 * it does on its connection (its console lines included) and the map it returns. A Pipeline runs the work off the CPS
 * thread ({@link BoardStepExecution}); a freestyle job runs the same work with its build variables expanded into the
 * arguments ({@code freestyle.BoardBuildStep}, {@code BoardPostBuildAction}); {@link StepRunner} decides in both what
 * a failure does.
 */
public abstract class BoardStep extends ConnectionStep {
    private String board;

    /** The board by name or id; blank means the connection's default board. What it is used for is each step's. */
    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    /**
     * The step's work, with {@code expand} applied to every text argument first (the identity in a Pipeline, the
     * build's {@code ${VARIABLES}} in a freestyle job). Reads the arguments now; talks to the board only when run.
     */
    public abstract StepWork work(UnaryOperator<String> expand);

    /** Whether the step reads the workspace ({@code attachFile}): it then runs only where there is one. */
    public boolean requiresWorkspace() {
        return false;
    }

    /**
     * {@link #work(UnaryOperator)} for a step that {@link #requiresWorkspace() reads the workspace}; the others
     * ignore it.
     *
     * @param workspace the build's workspace ({@code null} when there is none)
     */
    public StepWork work(UnaryOperator<String> expand, FilePath workspace) {
        return work(expand);
    }

    /**
     * What a Pipeline gets back from the work's map: the map itself, unless a step returns one of its values (the list
     * of {@code findCards}).
     */
    protected Object pipelineResult(Map<String, Object> result) {
        return result;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new BoardStepExecution(context, this);
    }

    /** The library's operations over the connection's client, with the connection's default board. */
    protected static BoardOperations operations(BoardConnection connection, Run<?, ?> run) {
        return new BoardOperations(connection.client(run), connection.getDefaultBoard());
    }
}
