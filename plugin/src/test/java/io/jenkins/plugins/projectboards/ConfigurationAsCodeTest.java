package io.jenkins.plugins.projectboards;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

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

/**
 * The documented JCasC names, {@code unclassified: projectBoards:} with one symbol per vendor: the YAML of
 * {@code configuration-as-code.yml} configures every field, and exporting gives {@code configuration-as-code-expected.yml}
 * (only what differs from the defaults, keys sorted, as JCasC writes it).
 */
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
        assertNull(kb.getReferencePatterns());

        BoardConnection planka = connections.get(1);
        assertEquals("planka", planka.getName());
        assertEquals("https://planka.example", planka.getUrl());
        assertEquals("planka-key", planka.getCredentialsId());
        assertEquals("planka-webhook", planka.getWebhookCredentialsId());
        assertEquals("https://hooks.example/jenkins/project-boards-webhook/planka", planka.getWebhookUrl());
        assertEquals(BoardConnection.DEFAULT_CONNECT_TIMEOUT_SECONDS, planka.getConnectTimeoutSeconds());
        assertEquals(BoardConnection.DEFAULT_READ_TIMEOUT_SECONDS, planka.getReadTimeoutSeconds());
        assertNull(planka.getDefaultBoard());

        assertEquals("pp", connections.get(2).getName());
        assertEquals("projectplace-robot", connections.get(2).getCredentialsId());

        BoardConnection kc = connections.get(3);
        assertEquals("kc", kc.getName());
        assertEquals("https://acme.ke-chain.com/", kc.getUrl());
        assertEquals("Bike Project", kc.getDefaultBoard());
        assertEquals("\\b(KC-\\d+)\\b", kc.getReferencePatterns());

        // Steps find them by name, and the default without one.
        assertEquals("kb", config.connection(null).getName());
        assertEquals("kc", config.connection("kc").getName());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void exportsWhatItImported() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode projectBoards = getUnclassifiedRoot(context).get("projectBoards");
        String exported = toYamlString(projectBoards);
        String expected = toStringFromYamlFile(this, "configuration-as-code-expected.yml");
        assertEquals(expected, exported);
    }
}
