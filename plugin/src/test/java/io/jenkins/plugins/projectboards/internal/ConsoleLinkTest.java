package io.jenkins.plugins.projectboards.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.console.ConsoleNote;
import hudson.console.HyperlinkNote;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** A card in a console line: a link to http(s) URLs only, its text without control characters. */
public class ConsoleLinkTest {
    @Rule
    public final JenkinsRule j = new JenkinsRule();

    @Test
    public void anHttpUrlBecomesALinkWithTheCleanedTextAfterIt() {
        String link = ConsoleLink.to("https://kanboard.example/?controller=TaskViewController&task_id=4", "Deploy\n42\u0007");
        assertEquals(HyperlinkNote.encodeTo("https://kanboard.example/?controller=TaskViewController&task_id=4", "Deploy42"), link);
        assertTrue(link, link.startsWith(ConsoleNote.PREAMBLE_STR));
        assertEquals("Deploy42", ConsoleNote.removeNotes(link));
    }

    @Test
    public void anythingButAnHttpUrlLeavesPlainText() {
        assertEquals("Deploy 42", ConsoleLink.to("javascript:alert(document.domain)", "Deploy 42"));
        assertEquals("Deploy 42", ConsoleLink.to("/relative/to/jenkins", "Deploy 42"));
        assertEquals("Deploy 42", ConsoleLink.to(null, "Deploy 42"));
        assertEquals("[8mha:AAA", ConsoleLink.to(null, "\u001B[8mha:AAA"));
        assertEquals("", ConsoleLink.to(null, null));
    }
}
