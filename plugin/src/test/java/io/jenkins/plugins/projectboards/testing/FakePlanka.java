package io.jenkins.plugins.projectboards.testing;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.rules.ExternalResource;

/**
 * A fake Planka (board-client's {@link FakeBoards.Planka}: project "Shop", board "Web", lists Todo, Doing, Done, cards
 * 1..n in Todo) and the connection {@code planka} to it, with an API key and a webhook secret from the Credentials
 * plugin. Declare it after the {@code JenkinsRule} (as an inner rule of a {@code RuleChain}) so Jenkins is up.
 */
public final class FakePlanka extends ExternalResource {
    public static final String API_KEY = "planka-api-key-0123456789";
    public static final String WEBHOOK_SECRET = "planka-webhook-secret-0123456789";

    private final int cards;
    public final MockWebServer server = new MockWebServer();
    public FakeBoards.Planka board;

    public FakePlanka(int cards) {
        this.cards = cards;
    }

    @Override
    protected void before() throws IOException {
        board = new FakeBoards.Planka(cards, Duration.ZERO);
        server.setDispatcher(board);
        server.start();
        addSecret("planka-key", API_KEY);
        addSecret("planka-webhook", WEBHOOK_SECRET);
        PlankaConnection connection = new PlankaConnection("planka", url(), "planka-key");
        connection.setWebhookCredentialsId("planka-webhook");
        ProjectBoardsConfiguration.get().setConnections(List.<BoardConnection>of(connection));
    }

    @Override
    protected void after() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's base URL, without a trailing slash. */
    public String url() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    public static void addSecret(String id, String secret) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, id, Secret.fromString(secret)));
        SystemCredentialsProvider.getInstance().save();
    }
}
