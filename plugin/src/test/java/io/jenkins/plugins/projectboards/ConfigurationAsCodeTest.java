package io.jenkins.plugins.projectboards;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.KechainConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.connection.ProjectplaceConnection;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/** The documented JCasC names: {@code unclassified: projectBoards:} with one symbol per vendor, in and out. */
public class ConfigurationAsCodeTest {
    @Rule
    public final JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void importsEveryVendorAndOption() {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        assertEquals("kb", config.getDefaultConnection());
        assertFalse(config.isFailOnError());
        List<BoardConnection> connections = config.getConnections();
        assertEquals(List.of(KanboardConnection.class, PlankaConnection.class, ProjectplaceConnection.class, KechainConnection.class),
                connections.stream().map(Object::getClass).toList());
        KanboardConnection kb = (KanboardConnection) connections.get(0);
        assertEquals("kb", kb.getName());
        assertEquals("https://kanboard.example/jsonrpc.php", kb.getUrl());
        assertEquals("kanboard-token", kb.getCredentialsId());
        assertEquals("jenkins", kb.getCommentUser());
        assertEquals("Website", kb.getDefaultBoard());
        assertEquals(5, kb.getConnectTimeoutSeconds());
        assertEquals(60, kb.getReadTimeoutSeconds());
        assertEquals("kanboard-webhook", kb.getWebhookCredentialsId());
        assertEquals("https://planka.example", connections.get(1).getUrl());
        assertEquals(BoardConnection.DEFAULT_READ_TIMEOUT_SECONDS, connections.get(1).getReadTimeoutSeconds());
        assertEquals("pp", connections.get(2).getName());
        assertEquals("kc", connections.get(3).getName());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void exportsWhatItImported() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode projectBoards = getUnclassifiedRoot(context).get("projectBoards");
        String exported = toYamlString(projectBoards);
        for (String expected : List.of("defaultConnection: \"kb\"", "failOnError: false", "- kanboard:", "commentUser: \"jenkins\"",
                "webhookCredentialsId: \"kanboard-webhook\"", "- planka:", "url: \"https://planka.example\"", "- projectplace:",
                "- kechain:", "credentialsId: \"kechain-token\"")) {
            assertTrue(expected + " in\n" + exported, exported.contains(expected));
        }
    }
}
