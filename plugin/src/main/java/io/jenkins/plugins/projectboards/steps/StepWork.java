package io.jenkins.plugins.projectboards.steps;

import hudson.model.Run;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import java.util.Map;

/**
 * What a step does on its connection, off the CPS thread: it prints its own console lines and returns the step's
 * result, a map a sandboxed Pipeline can read. {@link StepRunner} runs it and handles its failure.
 */
@FunctionalInterface
public interface StepWork {
    Map<String, Object> perform(BoardConnection connection, Run<?, ?> run, StepConsole console) throws Exception;
}
