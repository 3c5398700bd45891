package io.jenkins.plugins.projectboards.internal;

import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.client.Links;
import java.io.IOException;
import java.io.PrintStream;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** One clear line per action, prefixed, with the card as a hyperlink where there is one. */
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

    /**
     * {@code before}, then {@code linkText} linked to {@code url} (plain text when there is no URL or it is not an
     * http(s) one: the console would run a {@code javascript:} link in Jenkins' origin), then {@code after}.
     */
    public void linkLine(String before, String url, String linkText, String after) {
        PrintStream out = listener.getLogger();
        out.print(PREFIX + before);
        String link = Links.web(url);
        if (link == null) {
            out.print(linkText);
        } else {
            try {
                listener.hyperlink(link, linkText);
            } catch (IOException e) {
                out.print(linkText);
            }
        }
        out.println(after);
    }
}
