package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.gate.ApprovalGate;
import io.jenkins.plugins.projectboards.client.gate.CardObservation;
import io.jenkins.plugins.projectboards.client.gate.GateDecision;
import io.jenkins.plugins.projectboards.client.gate.GateDecision.Outcome;
import io.jenkins.plugins.projectboards.client.gate.GateSpec;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardRequest;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** {@code waitForCard} on Planka: the requests that open the gate and re-check it, and a recorded move delivery. */
public class PlankaGateTest extends PlankaTestSupport {

    @Test
    public void opensWithTheCardAndItsBoardAndEachCheckIsOneCardRead() {
        FakeBoards.Planka fake = new FakeBoards.Planka(2, Duration.ZERO);
        server.setDispatcher(fake);
        PlankaClient client = client();
        ApprovalGate gate = new BoardOperations(client, null).openGate(
                new WaitForCardRequest(baseUrl() + "/cards/2", null, List.of("Done"), List.of("Doing"), null, 5, false), NOW);
        assertEquals(List.of("GET /api/cards/2", "GET /api/projects", "GET /api/boards/500", "GET /api/cards/2"), fake.requests);
        assertEquals(Outcome.WAITING, gate.decision().outcome());
        fake.requests.clear();
        fake.moveTo("2", "Doing");
        GateDecision rejected = gate.check(client, NOW.plusSeconds(30));
        assertEquals(new GateDecision(Outcome.REJECTED, "Doing", "Todo", null, NOW.plusSeconds(30), "card 2 was moved to 'Doing'"), rejected);
        assertEquals(List.of("GET /api/cards/2"), fake.requests);
    }

    @Test
    public void aRecordedMoveDeliveryNamesWhoMovedTheCard() throws Exception {
        JsonNode recorded = Json.MAPPER.readTree(Fixture.resource("fixtures/planka/webhook-cardUpdate-move.json"));
        BoardEvent event = client().parseWebhook(new WebhookDelivery(Map.of(), Map.of(), recorded.get("json").toString()));
        BoardRef board = new BoardRef(BOARD, "Smoke board");
        ColumnRef todo = new ColumnRef(TODO, "To do");
        ColumnRef doing = new ColumnRef(DOING, "Doing");
        ApprovalGate gate = new ApprovalGate(new Card(Vendor.PLANKA, CARD, "Smoke card", null, board, todo, null),
                new GateSpec(List.of(doing), List.of(), null), NOW.plusSeconds(600), null);
        assertTrue(gate.heard(event, NOW.plusSeconds(1)));
        GateDecision approved = gate.observe(new CardObservation(doing, null, false, false, NOW.plusSeconds(2)));
        assertEquals(new GateDecision(Outcome.APPROVED, "Doing", "Todo", "admin", NOW.plusSeconds(1), null), approved);
    }
}
