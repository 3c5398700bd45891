package io.jenkins.plugins.projectboards.internal;

import hudson.console.HyperlinkNote;
import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.webhook.EventText;
import java.util.Objects;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A card (or service) as a link inside a console line: the argument {@code {0}} of the line's one translatable
 * message, so that a translation can put the link where its language needs it.
 */
@Restricted(NoExternalUse.class)
public final class ConsoleLink {
    private ConsoleLink() {}

    /**
     * {@code text} linked to {@code url}, or {@code text} alone when there is no URL or it is not an absolute http(s)
     * one: the console would open a {@code javascript:} link in Jenkins' origin.
     *
     * <p>The text is a board's (a card title anyone with access to the board may write): it loses its control
     * characters, so that it can neither start a console note of its own (they begin with ESC) nor break the line, and
     * it is at most {@link EventText#MAX_BYTES} long. The console escapes it as HTML when it shows it: only the note's
     * {@code <a href>} is markup.
     */
    public static String to(String url, String text) {
        String shown = EventText.clean(Objects.requireNonNullElse(text, ""));
        String link = Links.web(url);
        return link == null ? shown : HyperlinkNote.encodeTo(link, shown);
    }
}
