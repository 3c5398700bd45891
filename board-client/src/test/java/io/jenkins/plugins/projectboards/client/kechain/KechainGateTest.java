package io.jenkins.plugins.projectboards.client.kechain;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.gate.ApprovalGate;
import io.jenkins.plugins.projectboards.client.gate.GateDecision;
import io.jenkins.plugins.projectboards.client.gate.GateDecision.Outcome;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardRequest;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** {@code waitForCard} on a KE-chain activity: its status is its column; each look is one read of the activity. */
public class KechainGateTest extends KechainTestSupport {

    private void activity(String status) throws Exception {
        json(200, Json.MAPPER.readTree(Fixture.resource("fixtures/kechain/activity-completed.json")).toString().replace("COMPLETED", status));
    }

    private List<String> requests() throws Exception {
        List<String> lines = new ArrayList<>();
        while (server.getRequestCount() > lines.size()) {
            lines.add(take().getPath());
        }
        return lines;
    }

    @Test
    public void anOpenActivityWaitsUntilItIsCompleted() throws Exception {
        KechainClient client = client();
        activity("OPEN");
        body(200, "scope.json");
        activity("OPEN");
        ApprovalGate gate = new BoardOperations(client, null).openGate(
                new WaitForCardRequest(ACTIVITY, null, List.of("completed"), List.of(), null, 60, false), NOW);
        assertEquals(new GateDecision(Outcome.WAITING, "OPEN", null, null, null, null), gate.decision());
        activity("OPEN");
        assertEquals(Outcome.WAITING, gate.check(client, NOW.plusSeconds(30)).outcome());
        body(200, "activity-completed.json");
        assertEquals(new GateDecision(Outcome.APPROVED, "COMPLETED", "OPEN", null, NOW.plusSeconds(60), null),
                gate.check(client, NOW.plusSeconds(60)));
        String activity = "/kc/api/activities/" + ACTIVITY + ".json";
        assertEquals(List.of(activity, "/kc/api/v3/scopes.json?id=" + SCOPE + "&limit=2", activity, activity, activity), requests());
    }
}
