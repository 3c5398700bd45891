package io.jenkins.plugins.projectboards.client.release;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The exact comments written on cards. */
public class NotificationTextTest {
    private static final String URL = "https://ci.example/job/shop/42/";

    @Test
    public void buildCommentHasResultDurationLinkAndChanges() {
        BuildSummary build = new BuildSummary("shop #42", URL, "FAILURE", Duration.ofSeconds(185), List.of(
                new Change("0123456789abcdef", "alice", "Fix checkout (#12)\n\nLong explanation"),
                new Change("fedcba9876543210", null, "  Bump version  ")));
        assertEquals("Jenkins build shop #42: FAILURE in 3 min 5 s\n" + URL + "\n\nChanges:\n"
                + "- 0123456 Fix checkout (#12) (alice)\n- fedcba9 Bump version", NotificationText.buildComment(build));
    }

    @Test
    public void withoutUrlOrChangesTheCommentIsOneLine() {
        assertEquals("Jenkins build shop #1: SUCCESS in 42 s",
                NotificationText.buildComment(new BuildSummary("shop #1", null, "SUCCESS", Duration.ofSeconds(42), null)));
    }

    @Test
    public void manyChangesAreCutAfterTen() {
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            changes.add(new Change("c" + i, "bob", "change " + i));
        }
        String text = NotificationText.buildComment(new BuildSummary("shop #2", null, "UNSTABLE", Duration.ofHours(2).plusMinutes(1), changes));
        assertEquals(true, text.startsWith("Jenkins build shop #2: UNSTABLE in 2 h 1 min\n\nChanges:\n- c1 change 1 (bob)\n"));
        assertEquals(true, text.endsWith("- c10 change 10 (bob)\n- … and 3 more"));
    }

    @Test
    public void releaseCommentNamesTheVersionAndTheBuild() {
        assertEquals("Released in 1.4.0 by Jenkins build shop #42\n" + URL,
                NotificationText.releaseComment("1.4.0", new BuildSummary("shop #42", URL, "SUCCESS", Duration.ZERO, List.of())));
    }
}
