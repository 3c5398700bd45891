package io.jenkins.plugins.projectboards.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.ProjectplaceConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;

/**
 * Issue 16: a Projectplace delivery proves itself with the connection's webhook secret in the query
 * ({@code ?token=}, what {@code subscribeWebhook} registers) or as the endpoint path's last segment
 * ({@code /project-boards-webhook/<connection>/<secret>}, for a Projectplace that drops the query). A wrong secret is
 * answered as before, and the secret is never logged.
 */
public class ProjectplaceWebhookEndpointTest {
    private static final String SECRET = "pp-webhook-s3cret-0123456789";

    @Rule
    public final JenkinsRule j = new JenkinsRule();

    @Rule
    public final LoggerRule logs = new LoggerRule().record("io.jenkins.plugins.projectboards", Level.ALL).capture(1000);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The delivery of Projectplace's webhook example (a card moved to column 1). */
    private static String cardStatusChange() {
        return Fixture.resource("fixtures/projectplace/webhook-card_status_change.json");
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(j.getURL() + "project-boards-webhook/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(cardStatusChange())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private FreeStyleProject job(CaptureEnvironmentBuilder env) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        BoardEventTrigger trigger = new BoardEventTrigger("pp");
        trigger.setEvents("card.moved");
        p.addTrigger(trigger);
        p.setQuietPeriod(0);
        p.getBuildersList().add(env);
        return p;
    }

    /** The connections: Projectplace on an address that refuses connections (its column name lookup fails; the id stays). */
    private static void connections() throws Exception {
        BoardsTestSupport.addUsernamePassword("pp-robot", "robot-client-id", "robot-client-secret");
        BoardsTestSupport.addSecretText("pp-webhook", SECRET);
        ProjectplaceConnection projectplace = new ProjectplaceConnection("pp", "https://127.0.0.1:9", "pp-robot");
        projectplace.setWebhookCredentialsId("pp-webhook");
        KanboardConnection kanboard = new KanboardConnection("kb", "http://127.0.0.1:9/jsonrpc.php", "pp-robot");
        kanboard.setWebhookCredentialsId("pp-webhook");
        BoardsTestSupport.configure(projectplace, kanboard);
    }

    /** Waits for the build the dispatcher schedules as number {@code number}, and for it to finish. */
    private FreeStyleBuild build(FreeStyleProject p, int number) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (p.getBuildByNumber(number) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        FreeStyleBuild build = j.waitForCompletion(p.getBuildByNumber(number));
        j.waitUntilNoActivity();
        return build;
    }

    @Test
    public void theSecretInTheQueryOrInThePathStartsTheBuild() throws Exception {
        connections();
        CaptureEnvironmentBuilder env = new CaptureEnvironmentBuilder();
        FreeStyleProject p = job(env);

        assertEquals(202, post("pp?token=" + SECRET).statusCode());
        j.assertBuildStatusSuccess(build(p, 1));
        assertEquals("card.moved", env.getEnvVars().get("BOARD_EVENT"));
        assertEquals("18776663", env.getEnvVars().get("BOARD_CARD_ID"));

        assertEquals(202, post("pp/" + SECRET).statusCode());
        j.assertBuildStatusSuccess(build(p, 2));
        assertEquals("card_status_change", env.getEnvVars().get("BOARD_VENDOR_EVENT"));
        assertEquals("18776663", env.getEnvVars().get("BOARD_CARD_ID"));
        assertNoSecretLogged();
    }

    @Test
    public void aWrongSecretInThePathIsAnsweredAsAWrongSecretInTheQuery() throws Exception {
        connections();
        FreeStyleProject p = job(new CaptureEnvironmentBuilder());
        HttpResponse<String> inQuery = post("pp?token=guess");
        assertEquals(403, inQuery.statusCode());
        assertEquals("forbidden", inQuery.body());
        for (String path : new String[] {"pp/guess", "pp/guess?token=" + SECRET, "nosuch/" + SECRET, "kb/" + SECRET + "?token=" + SECRET}) {
            HttpResponse<String> answer = post(path);
            assertEquals(path, 403, answer.statusCode());
            assertEquals(path, inQuery.body(), answer.body());
            assertEquals(path, inQuery.headers().firstValue("Content-Type"), answer.headers().firstValue("Content-Type"));
        }
        // A deeper path is no endpoint path: Jenkins' CSRF protection refuses it, as it did every path with a '/'.
        assertEquals(403, post("pp/" + SECRET + "/more").statusCode());
        j.waitUntilNoActivity();
        assertNull(p.getLastBuild());
        assertTrue("the refusals are logged by connection", logs.getMessages().stream()
                .anyMatch(message -> message.equals("webhook delivery for connection pp refused: the delivery does not carry the"
                        + " connection's webhook secret")));
        assertNoSecretLogged();
    }

    private void assertNoSecretLogged() {
        for (LogRecord record : logs.getRecords()) {
            String logged = record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown();
            assertFalse(logged, logged.contains(SECRET) || logged.contains("guess"));
        }
    }
}
