package io.jenkins.plugins.projectboards.internal;

import hudson.model.TaskListener;
import java.io.PrintStream;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One clear line per action, prefixed; a card in a line is a {@link ConsoleLink} inside the line's one message.
 */
@Restricted(NoExternalUse.class)
public final class StepConsole {
    private static final String PREFIX = "[Project Boards] ";

    private final TaskListener listener;

    public StepConsole(TaskListener listener) {
        this.listener = listener;
    }

    /** A message as the console shows it, for the reason of an {@link hudson.AbortException}. */
    public static String prefixed(String message) {
        return PREFIX + message;
    }

    public void line(String message) {
        listener.getLogger().println(prefixed(message));
    }

    /** A heading line, then {@code text} as it is (e.g. a log), ending with a line break. */
    public void block(String heading, String text) {
        PrintStream out = listener.getLogger();
        out.println(prefixed(heading));
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
    }
}
