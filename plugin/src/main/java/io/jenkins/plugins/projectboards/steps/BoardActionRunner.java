package io.jenkins.plugins.projectboards.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.ConsoleHttpEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one board action for a step or a freestyle build step and turns a failure into what the build sees: an
 * {@link AbortException} with the reason (no stack trace), or with {@code failOnError: false} the reason printed and
 * returned as {@code error}.
 */
public final class BoardActionRunner {
    private BoardActionRunner() {}

    /** What a step does on its connection; it prints its own console line. */
    @FunctionalInterface
    public interface Action {
        Map<String, Object> perform(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception;
    }

    /**
     * @param connectionName the step's connection; blank for the default
     * @param failOnError the step's choice; {@code null} for the global setting
     */
    public static Map<String, Object> run(String connectionName, Boolean failOnError, Run<?, ?> run, TaskListener listener,
            Action action) throws Exception {
        StepConsole console = new StepConsole(listener);
        ProjectBoardsConfiguration configuration = ProjectBoardsConfiguration.get();
        try {
            return ConsoleHttpEvents.during(listener, () -> action.perform(configuration.connection(connectionName), run, console));
        } catch (BoardException | IllegalArgumentException e) {
            if (failOnError == null ? configuration.isFailOnError() : failOnError) {
                throw new AbortException(StepConsole.prefixed(e.getMessage()));
            }
            return failed(console, e.getMessage());
        }
    }

    /** The reason printed, and returned as the only entry {@code error}. */
    public static Map<String, Object> failed(StepConsole console, String reason) {
        console.line(reason + " (failOnError: false, continuing)");
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("error", reason);
        return failed;
    }

    /** Whether failures fail the build: the step's choice, or the global setting. */
    public static boolean failOnError(Boolean stepChoice) {
        return stepChoice == null ? ProjectBoardsConfiguration.get().isFailOnError() : stepChoice;
    }
}
