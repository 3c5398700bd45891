package io.jenkins.plugins.projectboards.connection;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardClient;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What a connection takes from Jenkins: which credentials its form offers (those builds can find), the clients it
 * keeps per credential secret, and timeouts read from {@code config.xml}.
 */
public class BoardConnectionTest {
    private static final String URL = "https://kc.example/";

    @Rule
    public final JenkinsRule j = new JenkinsRule();

    private static StringCredentials secretText(CredentialsScope scope, String id, String secret) {
        return new StringCredentialsImpl(scope, id, "secret text " + id, Secret.fromString(secret));
    }

    private static void store(StringCredentials... credentials) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().addAll(List.of(credentials));
        store.save();
    }

    private KechainConnection.DescriptorImpl descriptor() {
        return j.jenkins.getDescriptorByType(KechainConnection.DescriptorImpl.class);
    }

    private static List<String> values(ListBoxModel items) {
        return items.stream().map(option -> option.value).toList();
    }

    @Test
    public void apiCredentialsAreOnlyThoseABuildFinds() throws Exception {
        // A job's credential look-up skips System scope, so a System credential would be offered and then not found.
        store(secretText(CredentialsScope.GLOBAL, "global-token", "global-token-0123456789"),
                secretText(CredentialsScope.SYSTEM, "system-token", "system-token-0123456789"));
        assertEquals(List.of("", "global-token"), values(descriptor().doFillCredentialsIdItems(URL, null)));
        assertEquals(FormValidation.Kind.OK, descriptor().doCheckCredentialsId(URL, "global-token").kind);
        FormValidation system = descriptor().doCheckCredentialsId(URL, "system-token");
        assertEquals(FormValidation.Kind.ERROR, system.kind);
        assertTrue(system.getMessage(), system.getMessage().contains("These credentials have System scope"));
        // Test Connection tests what the steps will use: the System credential is not found there either.
        IllegalArgumentException notFound = assertThrows(IllegalArgumentException.class,
                () -> new KechainConnection("kc", URL, "system-token").client());
        assertEquals("KE-chain connection 'kc': credentials 'system-token' not found or not usable here", notFound.getMessage());
    }

    @Test
    public void theWebhookSecretMayHaveEitherScope() throws Exception {
        // Only Jenkins itself reads it (webhookSecret(), outside any job), so both scopes work and both are offered.
        store(secretText(CredentialsScope.GLOBAL, "global-hook", "global-hook-0123456789"),
                secretText(CredentialsScope.SYSTEM, "system-hook", "system-hook-0123456789"));
        assertEquals(List.of("", "global-hook", "system-hook"), values(descriptor().doFillWebhookCredentialsIdItems(null)));
        assertEquals(FormValidation.Kind.OK, descriptor().doCheckWebhookCredentialsId("system-hook").kind);
        KechainConnection connection = new KechainConnection("kc", URL, "global-hook");
        connection.setWebhookCredentialsId("system-hook");
        assertEquals("system-hook-0123456789", connection.webhookSecret());
    }

    @Test
    public void aConnectionKeepsTheClientsOfTheSecretsUsedLastOnly() {
        KechainConnection connection = new KechainConnection("kc", URL, "kc-token");
        BoardClient first = connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-0"));
        assertSame("same credential and secret: the same client, names stay cached", first,
                connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-0")));
        BoardClient inUse = connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-1"));
        assertNotSame(first, inUse);
        // The secret changes again and again (or differs between folders) while secret-1 stays in use.
        for (int i = 2; i <= BoardConnection.MAX_CLIENTS; i++) {
            assertSame(inUse, connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-1")));
            connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-" + i));
        }
        assertSame("the client used last is kept", inUse,
                connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-1")));
        assertNotSame("the one used longest ago was dropped", first,
                connection.clientFor(secretText(CredentialsScope.GLOBAL, "kc-token", "secret-0")));
    }

    @Test
    public void timeoutsOfZeroInConfigXmlMeanTheDefaults() {
        String element = "io.jenkins.plugins.projectboards.connection.KechainConnection";
        BoardConnection zero = (BoardConnection) Jenkins.XSTREAM2.fromXML("<" + element + "><name>kc</name><url>" + URL
                + "</url><credentialsId>kc-token</credentialsId><connectTimeoutSeconds>0</connectTimeoutSeconds>"
                + "<readTimeoutSeconds>0</readTimeoutSeconds></" + element + ">");
        assertEquals(BoardConnection.DEFAULT_CONNECT_TIMEOUT_SECONDS, zero.getConnectTimeoutSeconds());
        assertEquals(BoardConnection.DEFAULT_READ_TIMEOUT_SECONDS, zero.getReadTimeoutSeconds());
        // Fields missing from the file are left at 0 by XStream, which runs no constructor: the same defaults.
        BoardConnection missing = (BoardConnection) Jenkins.XSTREAM2.fromXML("<" + element + "><name>kc</name><url>" + URL
                + "</url><credentialsId>kc-token</credentialsId></" + element + ">");
        assertEquals(BoardConnection.DEFAULT_CONNECT_TIMEOUT_SECONDS, missing.getConnectTimeoutSeconds());
        assertEquals(BoardConnection.DEFAULT_READ_TIMEOUT_SECONDS, missing.getReadTimeoutSeconds());
        assertEquals("saved before attachFile existed", BoardConnection.DEFAULT_MAX_ATTACHMENT_MIB, missing.getMaxAttachmentMiB());
        BoardConnection set = (BoardConnection) Jenkins.XSTREAM2.fromXML("<" + element + "><name>kc</name><url>" + URL
                + "</url><credentialsId>kc-token</credentialsId><connectTimeoutSeconds>5</connectTimeoutSeconds>"
                + "<readTimeoutSeconds>90</readTimeoutSeconds></" + element + ">");
        assertEquals(5, set.getConnectTimeoutSeconds());
        assertEquals(90, set.getReadTimeoutSeconds());
    }

    /**
     * A config.xml saved before the rules held still loads: a URL's user info is dropped on load (never kept, never
     * shown), and a connection the rules refuse loads, says what is wrong, and refuses to make a client.
     */
    @Test
    public void connectionsSavedBeforeTheRulesStillLoad() {
        String element = "io.jenkins.plugins.projectboards.connection.PlankaConnection";
        BoardConnection userInfo = (BoardConnection) Jenkins.XSTREAM2.fromXML("<" + element + "><name>p</name>"
                + "<url>http://admin:hunter2@planka.example/x</url><credentialsId>planka-key</credentialsId></" + element + ">");
        assertEquals("http://planka.example/x", userInfo.getUrl());
        assertTrue(userInfo.isUserInfoRemoved());
        assertNull(userInfo.problem());
        assertFalse(userInfo.toString(), userInfo.toString().contains("hunter2"));
        assertFalse(Jenkins.XSTREAM2.toXML(userInfo).contains("hunter2"));

        BoardConnection invalid = (BoardConnection) Jenkins.XSTREAM2.fromXML("<" + element + "><name>bad name!</name>"
                + "<url>not a url</url></" + element + ">");
        String expected = "Planka connection 'bad name!', field 'name': Use letters, digits, dots, dashes and underscores, starting"
                + " with a letter or digit; Planka connection 'bad name!', field 'url': Not an http(s) URL: not a url;"
                + " Planka connection 'bad name!', field 'credentialsId': Credentials are required";
        assertEquals(expected, invalid.problem());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, invalid::client).getMessage());
        // Groovy handing it back is refused the same way, and nothing is replaced.
        ProjectBoardsConfiguration config = ProjectBoardsConfiguration.get();
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> config.setConnections(List.of(invalid))).getMessage());
        assertEquals(List.of(), config.getConnections());
    }
}
