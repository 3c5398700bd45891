package io.jenkins.plugins.projectboards.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.internal.ConsoleHttpEvents;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a step's {@link StepWork} for a Pipeline or a freestyle build and turns a failure into what the build sees: an
 * {@link AbortException} with the reason (no stack trace), or with {@code failOnError: false} the reason printed and
 * returned as {@code error}.
 */
public final class StepRunner {
    private StepRunner() {}

    /**
     * @param connectionName the step's connection; blank for the default
     * @param failOnError the step's choice; {@code null} for the global setting
     */
    public static Map<String, Object> run(String connectionName, Boolean failOnError, Run<?, ?> run, TaskListener listener,
            StepWork work) throws Exception {
        StepConsole console = new StepConsole(listener);
        try {
            return ConsoleHttpEvents.during(listener,
                    () -> work.perform(ProjectBoardsConfiguration.get().connection(connectionName), run, console));
        } catch (BoardException | IllegalArgumentException e) {
            if (failOnError(failOnError)) {
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
