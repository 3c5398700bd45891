package io.jenkins.plugins.projectboards.webhook;

import static org.junit.Assert.assertEquals;

import java.util.logging.Level;
import org.junit.Test;

public class WarningsPerConnectionTest {
    @Test
    public void aConnectionIsWarnedAboutOnceThenLoggedQuietly() {
        WarningsPerConnection warnings = new WarningsPerConnection();
        assertEquals(Level.WARNING, warnings.level("kb"));
        for (int i = 0; i < 1000; i++) {
            assertEquals(Level.FINE, warnings.level("kb"));
        }
        assertEquals("each connection has its own warning", Level.WARNING, warnings.level("planka"));
    }
}
