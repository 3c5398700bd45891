package io.jenkins.plugins.projectboards;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Manage Jenkins → System → Project Boards: the form keeps every field and what it saves is what Jenkins loads;
 * duplicate names are refused; connection look-ups explain themselves.
 */
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
        planka.setWebhookCredentialsId("planka-webhook");
        return List.of(kb, planka);
    }

    private static void addCredentials() throws Exception {
        BoardsTestSupport.addSecretText("kanboard-token", "kb-token-0123456789");
        BoardsTestSupport.addSecretText("kanboard-webhook", "kb-hook-0123456789");
        BoardsTestSupport.addSecretText("planka-key", "planka-key-0123456789");
        BoardsTestSupport.addSecretText("planka-webhook", "planka-hook-0123456789");
    }

    @Test
    public void theFormKeepsEveryField() throws Exception {
        addCredentials();
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        List<BoardConnection> before = twoConnections();
        config.setConnections(before);
        config.setDefaultConnection("planka");
        config.setFailOnError(false);

        j.configRoundtrip();

        assertSame("one configuration object", config, ProjectBoardsConfiguration.get());
        j.assertEqualDataBoundBeans(before, config.getConnections());
        KanboardConnection kb = (KanboardConnection) config.getConnections().get(0);
        assertEquals("jenkins", kb.getCommentUser());
        assertEquals("kanboard-webhook", kb.getWebhookCredentialsId());
        assertEquals("planka-webhook", config.getConnections().get(1).getWebhookCredentialsId());
        assertEquals("planka", config.getDefaultConnection());
        assertFalse(config.isFailOnError());

        // What was saved is what a restart loads (the constructor loads the saved XML).
        ProjectBoardsConfiguration reloaded = new ProjectBoardsConfiguration();
        j.assertEqualDataBoundBeans(before, reloaded.getConnections());
        assertEquals("planka", reloaded.getDefaultConnection());
        assertFalse(reloaded.isFailOnError());
    }

    @Test
    public void failOnErrorIsOnUnlessTurnedOff() throws Exception {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        assertTrue(config.isFailOnError());
        j.configRoundtrip();
        assertTrue(config.isFailOnError());
        assertEquals(null, config.getDefaultConnection());
        assertEquals(List.of(), config.getConnections());
    }

    @Test
    public void connectionNamesAreUnique() {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.setConnections(List.of(
                new PlankaConnection("boards", "https://a.example", "x"), new KanboardConnection("boards", "https://b.example", "y"))));
        assertEquals("Two board connections are named 'boards'; connection names must be unique", e.getMessage());
        assertEquals("nothing was replaced", List.of(), config.getConnections());
    }

    @Test
    public void theFormRefusesADuplicateName() throws Exception {
        addCredentials();
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        config.setConnections(twoConnections());

        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = web.goTo("configure").getFormByName("config");
        HtmlInput plankaName = form.getInputsByName("_.name").stream()
                .filter(input -> input.getValue().equals("planka")).findFirst().orElseThrow();
        plankaName.setValue("kb");
        HtmlPage answer = j.submit(form);

        assertEquals(400, answer.getWebResponse().getStatusCode());
        assertEquals("Two board connections are named 'kb'; connection names must be unique",
                answer.getWebResponse().getResponseHeaderValue("X-Error"));
        assertEquals(List.of("kb", "planka"), config.getConnections().stream().map(BoardConnection::getName).toList());
    }

    @Test
    public void theFormRefusesWhatJcascRefusesWithTheSameWords() throws Exception {
        addCredentials();
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        config.setConnections(twoConnections());

        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = web.goTo("configure").getFormByName("config");
        HtmlInput plankaUrl = form.getInputsByName("_.url").stream()
                .filter(input -> input.getValue().equals("https://planka.example")).findFirst().orElseThrow();
        plankaUrl.setValue("http://admin:hunter2@planka.example");
        HtmlPage answer = j.submit(form);

        assertEquals(400, answer.getWebResponse().getStatusCode());
        assertEquals("Planka connection 'planka', field 'url': Put user names and secrets in the credentials, not in the URL",
                answer.getWebResponse().getResponseHeaderValue("X-Error"));
        assertFalse(answer.getWebResponse().getContentAsString().contains("hunter2"));
        assertEquals("https://planka.example", config.getConnections().get(1).getUrl());
    }

    /** Each connection's fields and Test Connection button on the configuration page, in page order. */
    private static List<List<String>> fieldsPerConnection(HtmlForm form) {
        List<List<String>> connections = new ArrayList<>();
        for (HtmlElement connection : form.<HtmlElement>getByXPath(".//div[contains(@class, 'repeated-chunk')][.//*[@name='_.credentialsId']]")) {
            List<String> fields = new ArrayList<>();
            for (HtmlElement element : connection.getHtmlElementDescendants()) {
                String name = element.getAttribute("name");
                if (name.startsWith("_.")) {
                    fields.add(name.substring(2));
                } else if (element instanceof HtmlButton && element.asNormalizedText().equals("Test Connection")) {
                    fields.add("Test Connection");
                }
            }
            connections.add(fields);
        }
        return connections;
    }

    @Test
    public void theKanboardCommentUserSitsWithTheCredentials() throws Exception {
        addCredentials();
        ProjectBoardsConfiguration.get().setConnections(twoConnections());
        HtmlForm form = j.createWebClient().goTo("configure").getFormByName("config");
        List<String> after = List.of("defaultBoard", "webhookCredentialsId", "webhookUrl", "referencePatterns", "connectTimeoutSeconds",
                "readTimeoutSeconds", "maxAttachmentMiB", "Test Connection");
        List<String> kanboard = new ArrayList<>(List.of("name", "url", "credentialsId", "commentUser"));
        kanboard.addAll(after);
        List<String> planka = new ArrayList<>(List.of("name", "url", "credentialsId"));
        planka.addAll(after);
        assertEquals(List.of(kanboard, planka), fieldsPerConnection(form));
    }

    @Test
    public void stepsFindTheirConnectionOrSayWhichExist() {
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> config.connection(null));
        assertEquals("No connection given and no default connection is configured; configured connections: "
                + "(none: add one in Manage Jenkins \u2192 System \u2192 Project Boards)", none.getMessage());

        List<BoardConnection> connections = twoConnections();
        config.setConnections(connections.subList(1, 2));
        assertSame("the only connection needs no name", config.getConnections().get(0), config.connection(null));
        assertSame("blank is no name", config.getConnections().get(0), config.connection(" "));

        config.setConnections(connections);
        assertEquals("No connection given and no default connection is configured; configured connections: kb, planka",
                assertThrows(IllegalArgumentException.class, () -> config.connection(null)).getMessage());
        config.setDefaultConnection("planka");
        assertEquals("planka", config.connection(null).getName());
        assertEquals("kb", config.connection(" kb ").getName());
        assertEquals("Unknown board connection 'kan'; configured connections: kb, planka",
                assertThrows(IllegalArgumentException.class, () -> config.connection("kan")).getMessage());
    }
}
