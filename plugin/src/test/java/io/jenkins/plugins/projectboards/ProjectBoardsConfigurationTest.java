package io.jenkins.plugins.projectboards;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** Manage Jenkins → System → Project Boards: the form keeps every field; connection look-ups explain themselves. */
public class ProjectBoardsConfigurationTest {
    @Rule
    public final JenkinsRule j = new JenkinsRule();

    private static List<BoardConnection> twoConnections() {
        KanboardConnection kb = new KanboardConnection("kb", "https://kanboard.example/jsonrpc.php", "kanboard-token");
        kb.setCommentUser("jenkins");
        kb.setDefaultBoard("Website");
        kb.setConnectTimeoutSeconds(5);
        kb.setReadTimeoutSeconds(60);
        kb.setWebhookCredentialsId("kanboard-webhook");
        kb.setReferencePatterns("\\b(WEB-\\d+)\\b");
        PlankaConnection planka = new PlankaConnection("planka", "https://planka.example", "planka-key");
        return List.of(kb, planka);
    }

    @Test
    public void theFormKeepsEveryField() throws Exception {
        FakePlanka.addSecret("kanboard-token", "kb-token-0123456789");
        FakePlanka.addSecret("kanboard-webhook", "kb-hook-0123456789");
        FakePlanka.addSecret("planka-key", "planka-key-0123456789");
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        List<BoardConnection> before = twoConnections();
        config.setConnections(before);
        config.setDefaultConnection("kb");
        config.setFailOnError(false);

        j.configRoundtrip();

        j.assertEqualDataBoundBeans(before, config.getConnections());
        assertEquals("kb", config.getDefaultConnection());
        assertFalse(config.isFailOnError());
        // What was saved is what a restart loads.
        ProjectBoardsConfiguration reloaded = new ProjectBoardsConfiguration();
        j.assertEqualDataBoundBeans(before, reloaded.getConnections());
        assertEquals("kb", reloaded.getDefaultConnection());
    }

    @Test
    public void connectionNamesAreUnique() {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.setConnections(List.of(
                new PlankaConnection("boards", "https://a.example", "x"), new KanboardConnection("boards", "https://b.example", "y"))));
        assertEquals("Two board connections are named 'boards'; connection names must be unique", e.getMessage());
    }

    @Test
    public void stepsFindTheirConnectionOrSayWhichExist() {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> config.connection(null));
        assertEquals("No connection given and no default connection is configured; configured connections: "
                + "(none: add one in Manage Jenkins \u2192 System \u2192 Project Boards)", none.getMessage());
        List<BoardConnection> connections = twoConnections();
        config.setConnections(connections.subList(1, 2));
        assertSame("the only connection needs no name", config.getConnections().get(0), config.connection(" "));
        config.setConnections(connections);
        assertEquals("No connection given and no default connection is configured; configured connections: kb, planka",
                assertThrows(IllegalArgumentException.class, () -> config.connection(null)).getMessage());
        config.setDefaultConnection("planka");
        assertEquals("planka", config.connection(null).getName());
        assertEquals("Unknown board connection 'kan'; configured connections: kb, planka",
                assertThrows(IllegalArgumentException.class, () -> config.connection("kan")).getMessage());
    }
}
