package io.jenkins.plugins.projectboards.internal;

import static org.junit.Assert.assertEquals;

import hudson.util.StreamTaskListener;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpEvents;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** The console line of each HTTP event, and that only the work run {@link ConsoleHttpEvents#during} reaches the console. */
public class ConsoleHttpEventsTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final StreamTaskListener listener = new StreamTaskListener(console, StandardCharsets.UTF_8);

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    public void oneLinePerEvent() throws Exception {
        HttpListener.Retry first = new HttpListener.Retry(Vendor.PLANKA, "PATCH /api/cards/1", 1, 2, Duration.ofMillis(450));
        HttpListener.Retry second = new HttpListener.Retry(Vendor.KANBOARD, "getTask", 2, 2, Duration.ofSeconds(60));
        ConsoleHttpEvents.during(listener, () -> {
            HttpListener events = HttpEvents.SCOPED;
            events.retryingAfterStatus(first, 503);
            events.waitingForRetryAfter(second, 429, Duration.ofHours(1));
            events.retryingAfterFailure(first, new ConnectException("Connection refused"));
            events.gaveUpAfterStatus(Vendor.KANBOARD, "getTask", 504, 3);
            events.gaveUpAfterFailure(Vendor.PROJECTPLACE, "GET /1/cards/{id}", new SocketTimeoutException("timeout"), 3);
            events.lostCreateRecovered(Vendor.PLANKA, "POST /api/lists/{id}/cards", true);
            events.lostCreateRecovered(Vendor.KANBOARD, "createTask", false);
            events.lostCreateNotFound(Vendor.KECHAIN, "POST api/activities.json");
            return null;
        });
        assertEquals(List.of(
                "[Project Boards] Planka answered 503; retrying in 0.5 s (1/2)",
                "[Project Boards] Kanboard answered 429 with Retry-After 3600 s; retrying in 60 s (2/2)",
                "[Project Boards] Planka did not answer (ConnectException); retrying in 0.5 s (1/2)",
                "[Project Boards] Kanboard answered 504; gave up after 3 attempts",
                "[Project Boards] Projectplace did not answer (SocketTimeoutException); gave up after 3 attempts",
                "[Project Boards] Planka did not confirm the new card, but made it: found it by its reference, not created again",
                "[Project Boards] Kanboard did not confirm the new card, but made it: found it by its title in the column, not created again",
                "[Project Boards] KE-chain did not confirm the new card and it is not on the board; creating it once more"), lines());
    }

    @Test
    public void onlyTheWorkRunDuringReachesTheConsole() throws Exception {
        HttpEvents.SCOPED.lostCreateNotFound(Vendor.PLANKA, "before");
        String result = ConsoleHttpEvents.during(listener, () -> {
            HttpEvents.SCOPED.lostCreateNotFound(Vendor.PLANKA, "during");
            return "done";
        });
        HttpEvents.SCOPED.lostCreateNotFound(Vendor.PLANKA, "after");
        assertEquals("done", result);
        assertEquals(List.of("[Project Boards] Planka did not confirm the new card and it is not on the board; creating it once more"),
                lines());
    }
}
