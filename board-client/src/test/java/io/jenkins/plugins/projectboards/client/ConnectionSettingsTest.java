package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ConnectionSettings.Field;
import io.jenkins.plugins.projectboards.client.ConnectionSettings.Problem;
import io.jenkins.plugins.projectboards.client.ConnectionSettings.Rule;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ConnectionSettingsTest {

    @Test
    public void namesAreRequiredAndMadeOfSafeCharacters() {
        assertEquals(Optional.empty(), ConnectionSettings.checkName("kb"));
        assertEquals(Optional.empty(), ConnectionSettings.checkName(" planka-2.prod_x "));
        assertEquals(Rule.NAME_REQUIRED, ConnectionSettings.checkName(null).orElseThrow().rule());
        assertEquals(Rule.NAME_REQUIRED, ConnectionSettings.checkName("  ").orElseThrow().rule());
        Problem bad = ConnectionSettings.checkName("bad name!").orElseThrow();
        assertEquals(Rule.NAME_INVALID, bad.rule());
        assertEquals(Field.NAME, bad.field());
        assertEquals("name", bad.field().key());
        assertEquals(Rule.NAME_INVALID, ConnectionSettings.checkName("-x").orElseThrow().rule());
    }

    @Test
    public void urlsAreAbsoluteHttpOrHttpsWithAHost() {
        assertEquals(Optional.empty(), ConnectionSettings.checkUrl("https://kanboard.example/jsonrpc.php"));
        assertEquals(Optional.empty(), ConnectionSettings.checkUrl(" http://127.0.0.1:18090 "));
        assertEquals(Optional.empty(), ConnectionSettings.checkUrl("HTTPS://Planka.Example"));
        assertEquals(Rule.URL_REQUIRED, ConnectionSettings.checkUrl("").orElseThrow().rule());
        assertEquals(Rule.URL_REQUIRED, ConnectionSettings.checkUrl(null).orElseThrow().rule());
        for (String bad : List.of("not a url", "planka.example", "ftp://planka.example", "file:///etc/passwd", "https://", "/x")) {
            Problem problem = ConnectionSettings.checkUrl(bad).orElseThrow(() -> new AssertionError(bad));
            assertEquals(bad, Rule.URL_INVALID, problem.rule());
            assertEquals(Field.URL, problem.field());
            assertEquals(bad, problem.shownValue());
        }
    }

    @Test
    public void userInfoIsRefusedAndNeverShown() {
        for (String bad : List.of("http://admin:hunter2@planka.example", "https://admin@planka.example/x",
                "ftp://admin:hunter2@planka.example", "http://admin:hunter2@planka example", "http://admin:hunter2@/")) {
            Problem problem = ConnectionSettings.checkUrl(bad).orElseThrow(() -> new AssertionError(bad));
            assertEquals(bad, Rule.URL_WITH_USER_INFO, problem.rule());
            assertFalse(problem.shownValue(), problem.shownValue().contains("hunter2"));
            assertFalse(problem.shownValue(), problem.shownValue().contains("admin"));
        }
        assertEquals("http://****@planka.example/a@b", ConnectionSettings.redact("http://admin:hunter2@planka.example/a@b"));
        assertEquals("https://planka.example/a@b", ConnectionSettings.redact("https://planka.example/a@b"));
        assertEquals("http://planka.example/x?u=a@b", ConnectionSettings.withoutUserInfo("http://admin:p@ss@planka.example/x?u=a@b"));
        assertEquals("https://planka.example", ConnectionSettings.withoutUserInfo("https://planka.example"));
        assertTrue(ConnectionSettings.hasUserInfo("http://a:b@host"));
        assertFalse(ConnectionSettings.hasUserInfo("http://host/a@b"));
        assertEquals(null, ConnectionSettings.redact(null));
    }

    @Test
    public void credentialsIdIsRequired() {
        assertEquals(Optional.empty(), ConnectionSettings.checkCredentialsId("kb-token"));
        Problem missing = ConnectionSettings.checkCredentialsId(" ").orElseThrow();
        assertEquals(Rule.CREDENTIALS_REQUIRED, missing.rule());
        assertEquals("credentialsId", missing.field().key());
        assertEquals(Rule.CREDENTIALS_REQUIRED, ConnectionSettings.checkCredentialsId(null).orElseThrow().rule());
    }

    @Test
    public void checkListsEveryProblemInFieldOrder() {
        assertEquals(List.of(), ConnectionSettings.check("kb", "https://kb.example", "t"));
        assertEquals(List.of(Rule.NAME_INVALID, Rule.URL_INVALID, Rule.CREDENTIALS_REQUIRED),
                ConnectionSettings.check("bad name!", "not a url", null).stream().map(Problem::rule).toList());
    }

    @Test
    public void plainHttpWarnsUnlessTheServerIsOnThisMachine() {
        assertTrue(ConnectionSettings.isPlainHttpToAnotherHost("http://planka.example"));
        assertFalse(ConnectionSettings.isPlainHttpToAnotherHost("https://planka.example"));
        assertFalse(ConnectionSettings.isPlainHttpToAnotherHost("http://localhost:8080"));
        assertFalse(ConnectionSettings.isPlainHttpToAnotherHost("http://127.0.0.1:18090"));
        assertFalse(ConnectionSettings.isPlainHttpToAnotherHost("http://[::1]/"));
        assertFalse(ConnectionSettings.isPlainHttpToAnotherHost("not a url"));
    }
}
