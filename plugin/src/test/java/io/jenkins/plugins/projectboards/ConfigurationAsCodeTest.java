package io.jenkins.plugins.projectboards;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.util.FormValidation;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.KechainConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.connection.ProjectplaceConnection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * The example of docs/configuration.md (a copy: keep them alike) applies, and defines every credential its
     * connections reference.
     */
    @Test
    @ConfiguredWithCode("configuration-as-code-docs.yml")
    public void theDocumentedExampleDefinesEveryCredentialItUses() {
        List<String> defined = SystemCredentialsProvider.getInstance().getCredentials().stream()
                .filter(IdCredentials.class::isInstance).map(c -> ((IdCredentials) c).getId()).toList();
        List<BoardConnection> connections = ProjectBoardsConfiguration.get().getConnections();
        assertEquals(List.of("kb", "planka", "pp", "kc"), connections.stream().map(BoardConnection::getName).toList());
        for (BoardConnection connection : connections) {
            assertTrue(connection.getName(), defined.contains(connection.getCredentialsId()));
            if (connection.getWebhookCredentialsId() != null) {
                assertTrue(connection.getName(), defined.contains(connection.getWebhookCredentialsId()));
            }
        }
    }

    /** One connection of the given kind, with the given lines under it, in a complete {@code projectBoards} block. */
    private static String yaml(String kind, String... lines) {
        StringBuilder yaml = new StringBuilder("unclassified:\n  projectBoards:\n    connections:\n      - " + kind + ":\n");
        for (String line : lines) {
            yaml.append("          ").append(line).append('\n');
        }
        return yaml.toString();
    }

    private static YamlSource<?> source(String yaml) {
        return YamlSource.of(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every message of the chain, outermost first: JCasC wraps what a constructor or setter throws. */
    private static String chain(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return String.join("\n<- ", messages);
    }

    /** Applying the YAML fails, with the message somewhere in the chain, and nothing of the valid configuration is lost. */
    private ConfiguratorException refused(String yaml, String message) throws Exception {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        config.setConnections(List.of(new KanboardConnection("kept", "https://kanboard.example", "kanboard-token")));
        ConfiguratorException e = assertThrows(ConfiguratorException.class, () -> ConfigurationAsCode.get().configureWith(source(yaml)));
        String chain = chain(e);
        assertTrue(chain, chain.contains(message));
        assertFalse(chain, chain.contains("hunter2"));
        assertEquals(List.of("kept"), config.getConnections().stream().map(BoardConnection::getName).toList());
        String saved = Files.readString(j.jenkins.getRootDir().toPath().resolve(ProjectBoardsConfiguration.class.getName() + ".xml"));
        assertFalse(saved, saved.contains("hunter2"));
        return e;
    }

    /** {@code /configuration-as-code/check} runs the same rules for one connection (JCasC builds it to check it). */
    private static void checkRefuses(String yaml, String message) {
        ConfiguratorException e = assertThrows(ConfiguratorException.class, () -> ConfigurationAsCode.get().checkWith(source(yaml)));
        String chain = chain(e);
        assertTrue(chain, chain.contains(message));
        assertFalse(chain, chain.contains("hunter2"));
    }

    @Test
    public void aUrlWithUserInfoIsRefusedAndNeitherStoredNorShown() throws Exception {
        String yaml = yaml("planka", "name: p", "url: \"http://admin:hunter2@planka.example\"", "credentialsId: planka-key");
        String message = "Planka connection 'p', field 'url': Put user names and secrets in the credentials, not in the URL";
        refused(yaml, message);
        checkRefuses(yaml, message);
    }

    @Test
    public void missingCredentialsAreRefused() throws Exception {
        String yaml = yaml("planka", "name: p", "url: https://planka.example");
        String message = "Planka connection 'p', field 'credentialsId': Credentials are required";
        refused(yaml, message);
        checkRefuses(yaml, message);
        refused(yaml("planka", "name: p", "url: https://planka.example", "credentialsId: ''"), message);
    }

    @Test
    public void aUrlThatIsNoHttpUrlIsRefused() throws Exception {
        String yaml = yaml("kanboard", "name: kb", "url: not a url", "credentialsId: kanboard-token");
        String message = "Kanboard connection 'kb', field 'url': Not an http(s) URL: not a url";
        refused(yaml, message);
        checkRefuses(yaml, message);
        refused(yaml("kanboard", "name: kb", "credentialsId: kanboard-token"), "Kanboard connection 'kb', field 'url': The URL is required");
    }

    @Test
    public void aBadNameIsRefused() throws Exception {
        String yaml = yaml("kechain", "name: \"bad name!\"", "url: https://acme.ke-chain.com/", "credentialsId: kc");
        String message = "KE-chain connection 'bad name!', field 'name': Use letters, digits, dots, dashes and underscores";
        refused(yaml, message);
        checkRefuses(yaml, message);
    }

    @Test
    public void twoConnectionsNamedAlikeAreRefused() throws Exception {
        String yaml = "unclassified:\n  projectBoards:\n    connections:\n"
                + "      - kanboard:\n          name: boards\n          url: https://kb.example\n          credentialsId: a\n"
                + "      - planka:\n          name: boards\n          url: https://planka.example\n          credentialsId: b\n";
        ConfiguratorException e = refused(yaml, "Two board connections are named 'boards'; connection names must be unique");
        // JCasC puts its own words on top ("Failed to set attribute connections"): the plugin's are in the chain.
        assertTrue(chain(e), e.getMessage().contains("connections"));
        // JCasC's check never calls the global configuration's setters, so it cannot see the list (see docs).
        assertEquals(Map.of(), ConfigurationAsCode.get().checkWith(source(yaml)));
    }

    @Test
    public void anUnknownKindIsRefusedByJcasc() throws Exception {
        refused(yaml("trello", "name: t", "url: https://trello.example", "credentialsId: t"), "trello");
    }

    /** The form's field checks and the constructor (JCasC, Groovy) say the same words: one code path. */
    @Test
    public void formChecksAndConstructorsSayTheSame() {
        PlankaConnection.DescriptorImpl form = j.jenkins.getDescriptorByType(PlankaConnection.DescriptorImpl.class);
        for (String url : List.of("", "not a url", "ftp://planka.example", "http://admin:hunter2@planka.example")) {
            FormValidation check = form.doCheckUrl(url);
            assertEquals(url, FormValidation.Kind.ERROR, check.kind);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlankaConnection("p", url, "c"));
            assertEquals("Planka connection 'p', field 'url': " + check.getMessage(), e.getMessage());
            assertFalse(e.getMessage(), e.getMessage().contains("hunter2"));
        }
        for (String name : List.of("", "bad name!", "-x")) {
            FormValidation check = form.doCheckName(name);
            assertEquals(name, FormValidation.Kind.ERROR, check.kind);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlankaConnection(name, "https://p.example", "c"));
            assertEquals("Planka connection '" + name + "', field 'name': " + check.getMessage(), e.getMessage());
        }
        FormValidation check = form.doCheckCredentialsId("https://p.example", " ");
        assertEquals(FormValidation.Kind.ERROR, check.kind);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlankaConnection("p", "https://p.example", " "));
        assertEquals("Planka connection 'p', field 'credentialsId': " + check.getMessage(), e.getMessage());
        // What passes the form passes the constructor.
        assertEquals(FormValidation.Kind.OK, form.doCheckUrl("https://planka.example").kind);
        assertEquals(FormValidation.Kind.OK, form.doCheckName("planka-2").kind);
        new PlankaConnection("planka-2", "https://planka.example", "c");
    }
}
