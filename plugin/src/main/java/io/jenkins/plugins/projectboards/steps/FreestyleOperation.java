package io.jenkins.plugins.projectboards.steps;

import java.util.function.UnaryOperator;

/**
 * A step that also runs in freestyle jobs (as the operation of a {@code BoardBuildStep} or
 * {@code BoardPostBuildAction}), where the build's {@code ${VARIABLES}} are expanded into its arguments first.
 */
public interface FreestyleOperation {

    /** The step's work, with {@code expand} applied to every text argument (the identity in a Pipeline). */
    BoardActionRunner.Action action(UnaryOperator<String> expand);
}
