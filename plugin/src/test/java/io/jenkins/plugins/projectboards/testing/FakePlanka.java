package io.jenkins.plugins.projectboards.testing;

import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.rules.ExternalResource;

/**
 * A fake Planka (board-client's {@link FakeBoards.Planka}, the REST shapes of the recorded Planka 2 exchanges:
 * project "Shop" with board "Web" (id 500), lists Todo 51, Doing 52, Done 53, cards 1..n in Todo) and the connection
 * {@code planka} to it, with an API key and a webhook secret from the Credentials plugin. Declare it after the
 * {@code JenkinsRule} (as an inner rule of a {@code RuleChain}) so that Jenkins is up.
 */
public final class FakePlanka extends ExternalResource {
    public static final String API_KEY = "planka-api-key-0123456789";
    public static final String WEBHOOK_SECRET = "planka-webhook-secret-0123456789";

    private final int cards;
    private final Duration latency;
    public final MockWebServer server = new MockWebServer();
    public FakeBoards.Planka board;
    private BoardsTestSupport.Requests requests;

    public FakePlanka(int cards) {
        this(cards, Duration.ZERO);
    }

    /** @param latency how long each answer takes, so that concurrent builds overlap on the board */
    public FakePlanka(int cards, Duration latency) {
        this.cards = cards;
        this.latency = latency;
    }

    @Override
    protected void before() throws IOException {
        board = new FakeBoards.Planka(cards, latency);
        server.setDispatcher(board);
        server.start();
        requests = new BoardsTestSupport.Requests(server);
        BoardsTestSupport.addSecretText("planka-key", API_KEY);
        BoardsTestSupport.addSecretText("planka-webhook", WEBHOOK_SECRET);
        BoardsTestSupport.configure(connection());
    }

    @Override
    protected void after() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connection {@code planka}: this server, the API key, the webhook secret. */
    public PlankaConnection connection() {
        PlankaConnection connection = new PlankaConnection("planka", url(), "planka-key");
        connection.setWebhookCredentialsId("planka-webhook");
        return connection;
    }

    /** The server's base URL, without a trailing slash. */
    public String url() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    /** Every request Planka received so far, with its body. */
    public List<BoardsTestSupport.Recorded> requests() throws InterruptedException {
        return requests.all();
    }

    /** The requests that changed something on Planka. */
    public List<BoardsTestSupport.Recorded> writes() throws InterruptedException {
        return requests.writes();
    }
}
