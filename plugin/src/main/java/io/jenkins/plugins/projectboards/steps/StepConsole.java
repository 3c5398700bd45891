package io.jenkins.plugins.projectboards.steps;

import hudson.model.TaskListener;
import java.io.IOException;
import java.io.PrintStream;

/** One clear line per action, prefixed, with the card as a hyperlink where there is one. */
public final class StepConsole {
    private static final String PREFIX = "[Project Boards] ";

    private final TaskListener listener;

    public StepConsole(TaskListener listener) {
        this.listener = listener;
    }

    String prefix(String message) {
        return PREFIX + message;
    }

    public void line(String message) {
        listener.getLogger().println(prefix(message));
    }

    /** {@code before}, then {@code linkText} linked to {@code url} (plain text when there is no URL), then {@code after}. */
    public void linkLine(String before, String url, String linkText, String after) {
        PrintStream out = listener.getLogger();
        out.print(PREFIX + before);
        if (url == null || url.isBlank()) {
            out.print(linkText);
        } else {
            try {
                listener.hyperlink(url, linkText);
            } catch (IOException e) {
                out.print(linkText);
            }
        }
        out.println(after);
    }
}
