package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.gate.ApprovalGate;
import io.jenkins.plugins.projectboards.client.gate.GateDecision;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.ops.AttachFilesRequest;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.FindCardsRequest;
import io.jenkins.plugins.projectboards.client.ops.GetCardRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.ops.UpdateCardRequest;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardRequest;
import io.jenkins.plugins.projectboards.client.testing.FailureCardSequence;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Test;

/**
 * Runs the client once against a real Planka (e.g. the {@code ghcr.io/plankanban/planka} image, see CONTRIBUTING.md) when {@code PLANKA_URL},
 * {@code PLANKA_API_KEY}, {@code PLANKA_ADMIN_USERNAME} and {@code PLANKA_ADMIN_PASSWORD} are set; skips otherwise.
 * The project, board and lists it works on are made with plain requests. Prints one line per step (no secrets).
 */
public class PlankaRigTest {
    private final OkHttpClient http = new OkHttpClient();

    private static String env(String name) {
        String value = System.getenv(name);
        assumeTrue(name + " is not set: no Planka to test against", value != null && !value.isBlank());
        return value;
    }

    private JsonNode post(String url, String apiKey, String path, String json) throws IOException {
        Request request = new Request.Builder().url(url + "/api/" + path).header("X-Api-Key", apiKey)
                .post(okhttp3.RequestBody.create(json, Json.JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            return Json.MAPPER.readTree(response.body().string()).get("item");
        }
    }

    @Test
    public void realServer() throws IOException {
        String url = env("PLANKA_URL");
        String apiKey = env("PLANKA_API_KEY");
        PlankaClient client = new PlankaClient(url, PlankaCredentials.apiKey(apiKey), http, ClientOptions.defaults());
        PlankaClient byPassword = new PlankaClient(url,
                PlankaCredentials.password(env("PLANKA_ADMIN_USERNAME"), env("PLANKA_ADMIN_PASSWORD")), http, ClientOptions.defaults());
        System.out.println("whoAmI (API key):  " + client.whoAmI());
        System.out.println("whoAmI (password): " + byPassword.whoAmI());

        String suffix = String.valueOf(System.currentTimeMillis());
        String projectId = post(url, apiKey, "projects", """
                {"type":"private","name":"Rig %s"}""".formatted(suffix)).get("id").asText();
        String boardId = post(url, apiKey, "projects/" + projectId + "/boards", """
                {"name":"Delivery","position":65536}""").get("id").asText();
        int position = 65536;
        for (String list : List.of("Todo", "Doing")) {
            post(url, apiKey, "boards/" + boardId + "/lists", """
                    {"type":"active","position":%d,"name":"%s"}""".formatted(position, list));
            position += 65536;
        }
        post(url, apiKey, "boards/" + boardId + "/lists", """
                {"type":"closed","position":%d,"name":"Done"}""".formatted(position));
        post(url, apiKey, "boards/" + boardId + "/labels", """
                {"position":65536,"color":"berry-red","name":"release"}""");
        System.out.println("created project 'Rig " + suffix + "' with board Delivery (Todo, Doing, Done) and label release");

        BoardOperations operations = new BoardOperations(client, "Rig " + suffix + "/Delivery");
        String reference = "RIG-" + suffix;
        System.out.println("createTask dryRun: " + operations.createTask(new CreateTaskRequest(null, "Todo", "Rig card", "from PlankaRigTest",
                List.of("release"), "2027-01-15", "admin", reference, true)).toMap());
        Map<String, Object> created = operations.createTask(new CreateTaskRequest(null, "Todo", "Rig card", "from PlankaRigTest",
                List.of("release"), "2027-01-15", "admin", reference, false)).toMap();
        System.out.println("createTask: " + created);
        Map<String, Object> again = operations.createTask(new CreateTaskRequest(null, "Todo", "Rig card", null, List.of(), null, null, reference, false)).toMap();
        System.out.println("createTask again, same reference: " + again);
        assertEquals(false, again.get("created"));
        assertEquals(created.get("id"), again.get("id"));
        System.out.println("moveCard by reference: " + operations.moveCard(new MoveCardRequest("ref:" + reference, "Doing", null, null, false)).toMap());
        Map<String, Object> done = operations.moveCard(new MoveCardRequest((String) created.get("url"), "done", null, "top", false)).toMap();
        System.out.println("moveCard by URL: " + done);
        assertEquals("Done", done.get("column"));
        Map<String, Object> noop = operations.moveCard(new MoveCardRequest((String) created.get("id"), "Done", null, null, false)).toMap();
        System.out.println("moveCard again: " + noop);
        assertFalse((Boolean) noop.get("moved"));
        System.out.println("commentOnTask: " + operations.commentOnTask(new CommentRequest((String) created.get("id"), "Commented by PlankaRigTest", null, false)).toMap());
        UnknownNameException unknown = assertThrows(UnknownNameException.class,
                () -> operations.moveCard(new MoveCardRequest((String) created.get("id"), "Shipped", null, null, false)));
        System.out.println("unknown column: " + unknown.getMessage());

        PlankaCard card = client.cards().get((String) created.get("id")).orElseThrow();
        System.out.println("server now has: card " + card.id() + " '" + card.name() + "' in list " + card.listId()
                + ", reference " + card.reference() + ", comments " + client.comments().list(card.id()).size());
        WebhookSubscription hook = client.webhooks().subscribe("http://127.0.0.1:18091/rig-test-" + suffix, List.of("cardCreate", "cardUpdate"), "rig-hook-secret");
        WebhookSubscription same = client.webhooks().subscribe("http://127.0.0.1:18091/rig-test-" + suffix, List.of("cardUpdate", "cardCreate"), "rig-hook-secret");
        System.out.println("subscribeWebhook: id " + hook.id() + " created " + hook.created() + " events " + hook.events()
                + "; again: id " + same.id() + " created " + same.created());
        assertEquals(hook.id(), same.id());
        client.webhooks().delete(hook.id());
        System.out.println("webhook " + hook.id() + " deleted");
    }

    /**
     * The approval gate on a real Planka, woken as in Jenkins: a webhook to a local server receives the real
     * deliveries of a card moved through the API, the gate hears them and its next read approves, naming who moved
     * the card. The webhook is deleted at the end.
     */
    @Test
    public void approvalGateHearsARealMoveDelivery() throws Exception {
        String url = env("PLANKA_URL");
        String apiKey = env("PLANKA_API_KEY");
        PlankaClient client = new PlankaClient(url, PlankaCredentials.apiKey(apiKey), http, ClientOptions.defaults());
        String suffix = String.valueOf(System.currentTimeMillis());
        String projectId = post(url, apiKey, "projects", """
                {"type":"private","name":"Rig gate %s"}""".formatted(suffix)).get("id").asText();
        String boardId = post(url, apiKey, "projects/" + projectId + "/boards", """
                {"name":"Approvals","position":65536}""").get("id").asText();
        int position = 65536;
        for (String list : List.of("Review", "Approved", "Rejected")) {
            post(url, apiKey, "boards/" + boardId + "/lists", """
                    {"type":"active","position":%d,"name":"%s"}""".formatted(position, list));
            position += 65536;
        }
        BoardOperations operations = new BoardOperations(client, "Rig gate " + suffix + "/Approvals");
        String cardId = (String) operations.createTask(new CreateTaskRequest(null, "Review", "Release " + suffix, null, List.of(),
                null, null, null, false)).toMap().get("id");
        ApprovalGate gate = operations.openGate(new WaitForCardRequest(cardId, null, List.of("Approved"), List.of("Rejected"), null, 5,
                false), Instant.now());
        System.out.println("gate opened: " + gate.decision());

        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start(InetAddress.getByName("127.0.0.1"), 0);
            String hookUrl = receiver.url("/gate-" + suffix).toString();
            WebhookSubscription hook = client.webhooks().subscribe(hookUrl, List.of("cardUpdate"), "rig-gate-secret");
            try {
                operations.moveCard(new MoveCardRequest(cardId, "Approved", null, null, false));
                boolean heard = false;
                for (RecordedRequest delivery; !heard && (delivery = receiver.takeRequest(10, TimeUnit.SECONDS)) != null; ) {
                    BoardEvent event = client.parseWebhook(new WebhookDelivery(Map.of(), Map.of(), delivery.getBody().readUtf8()));
                    heard = gate.heard(event, Instant.now());
                    System.out.println("delivery: " + event.type() + " of card " + event.cardId() + " to " + event.toColumn()
                            + " by " + event.actor() + (heard ? " (for the gate)" : ""));
                }
                assertTrue("a delivery for the card arrived", heard);
                GateDecision approved = gate.check(client, Instant.now());
                System.out.println("after the delivery: " + approved);
                assertEquals(GateDecision.Outcome.APPROVED, approved.outcome());
                assertEquals("Review", approved.previousColumn());
                assertEquals(client.users().me().username(), approved.by());
            } finally {
                client.webhooks().delete(hook.id());
            }
        }
    }

    /** A job failing twice and then fixed: one card (by its reference marker), three comments, moved to Done. */
    @Test
    public void failureCardFailFailFixed() throws IOException {
        String url = env("PLANKA_URL");
        String apiKey = env("PLANKA_API_KEY");
        PlankaClient client = new PlankaClient(url, PlankaCredentials.apiKey(apiKey), http, ClientOptions.defaults());
        String suffix = String.valueOf(System.currentTimeMillis());
        String projectId = post(url, apiKey, "projects", """
                {"type":"private","name":"Part D failure card %s"}""".formatted(suffix)).get("id").asText();
        String boardId = post(url, apiKey, "projects/" + projectId + "/boards", """
                {"name":"Builds","position":65536}""").get("id").asText();
        post(url, apiKey, "boards/" + boardId + "/lists", """
                {"type":"active","position":65536,"name":"Broken"}""");
        String doneId = post(url, apiKey, "boards/" + boardId + "/lists", """
                {"type":"closed","position":131072,"name":"Done"}""").get("id").asText();
        System.out.println("created project 'Part D failure card " + suffix + "' with board Builds (Broken, Done)");

        String cardId = FailureCardSequence.failFailFixed(new BoardOperations(client, "Part D failure card " + suffix + "/Builds"),
                "team/app", "Broken", "Done");

        List<PlankaCard> cards = client.boards().snapshot(boardId).cards();
        List<String> comments = client.comments().list(cardId).stream().map(PlankaComment::text).toList();
        System.out.println("server has: " + cards.size() + " card(s), " + comments.size() + " comments " + comments);
        assertEquals("one card on the board", 1, cards.size());
        assertEquals("team/app broken since #1", cards.get(0).reference());
        assertEquals(doneId, cards.get(0).listId());
        assertEquals(3, comments.size());
        // Planka lists comments newest first.
        List<String> oldestFirst = new ArrayList<>(comments);
        if (oldestFirst.get(0).startsWith("Fixed")) {
            Collections.reverse(oldestFirst);
        }
        assertTrue(oldestFirst.get(0), oldestFirst.get(0).startsWith("Opened for Jenkins build team/app #1: FAILURE"));
        assertTrue(oldestFirst.get(1), oldestFirst.get(1).startsWith("Still failing in Jenkins build team/app #2: FAILURE"));
        assertTrue(oldestFirst.get(2), oldestFirst.get(2).startsWith("Fixed in Jenkins build team/app #3: SUCCESS"));
    }

    /**
     * Uploads a 5 MiB file through the {@code attachFile} operation, runs it again (nothing is sent), and downloads
     * the file back from the attachment's URL to compare the bytes.
     */
    @Test
    public void attachmentRoundTrip() throws Exception {
        String url = env("PLANKA_URL");
        String apiKey = env("PLANKA_API_KEY");
        PlankaClient client = new PlankaClient(url, PlankaCredentials.apiKey(apiKey), http, ClientOptions.defaults());
        String suffix = String.valueOf(System.currentTimeMillis());
        String projectId = post(url, apiKey, "projects", """
                {"type":"private","name":"Rig attach %s"}""".formatted(suffix)).get("id").asText();
        String boardId = post(url, apiKey, "projects/" + projectId + "/boards", """
                {"name":"Files","position":65536}""").get("id").asText();
        String listId = post(url, apiKey, "boards/" + boardId + "/lists", """
                {"type":"active","position":65536,"name":"Todo"}""").get("id").asText();
        String cardId = post(url, apiKey, "lists/" + listId + "/cards", """
                {"type":"project","position":65536,"name":"Rig attachments"}""").get("id").asText();
        BoardOperations operations = new BoardOperations(client, null);
        long size = 5L * 1024 * 1024;
        AtomicInteger opened = new AtomicInteger();
        AttachmentUpload report = Uploads.generated("report-5MiB.bin", size, opened);
        long started = System.nanoTime();
        Map<String, Object> attached = operations.attachFiles(new AttachFilesRequest(cardId, null, null, List.of(report),
                10L * 1024 * 1024, false)).toMap();
        System.out.println("attachFile 5 MiB in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + attached);
        Map<String, Object> again = operations.attachFiles(new AttachFilesRequest(cardId, null, null, List.of(report),
                10L * 1024 * 1024, false)).toMap();
        System.out.println("attachFile again: " + again.get("attachments"));
        assertEquals(false, ((Map<?, ?>) ((List<?>) again.get("attachments")).get(0)).get("uploaded"));
        assertEquals(1, opened.get());

        String link = (String) ((Map<?, ?>) ((List<?>) attached.get("attachments")).get(0)).get("url");
        String downloaded;
        try (Response response = http.newCall(new Request.Builder().url(link).header("X-Api-Key", apiKey).build()).execute()) {
            assertEquals(200, response.code());
            downloaded = Uploads.sha256(response.body().byteStream());
        }
        String expected = Uploads.sha256(Uploads.generatedStream(size));
        System.out.println("SHA-256 sent       " + expected);
        System.out.println("SHA-256 downloaded " + downloaded);
        assertEquals(expected, downloaded);
    }

    /** getCard, findCards and updateCard (issue 13) on a board of their own, each change read back from the server. */
    @Test
    public void readSearchAndUpdateCards() throws IOException {
        String url = env("PLANKA_URL");
        String apiKey = env("PLANKA_API_KEY");
        PlankaClient client = new PlankaClient(url, PlankaCredentials.apiKey(apiKey), http, ClientOptions.defaults());
        String suffix = String.valueOf(System.currentTimeMillis());
        String projectId = post(url, apiKey, "projects", """
                {"type":"private","name":"Rig i13a %s"}""".formatted(suffix)).get("id").asText();
        String boardId = post(url, apiKey, "projects/" + projectId + "/boards", """
                {"name":"Cards","position":65536}""").get("id").asText();
        post(url, apiKey, "boards/" + boardId + "/lists", """
                {"type":"active","position":65536,"name":"Todo"}""");
        post(url, apiKey, "boards/" + boardId + "/lists", """
                {"type":"closed","position":131072,"name":"Done"}""");
        for (String label : List.of("release", "hotfix")) {
            post(url, apiKey, "boards/" + boardId + "/labels", """
                    {"position":65536,"color":"berry-red","name":"%s"}""".formatted(label));
        }
        BoardOperations operations = new BoardOperations(client, "Rig i13a " + suffix + "/Cards");
        String reference = "RIG-A-" + suffix;
        Map<String, Object> created = operations.createTask(new CreateTaskRequest(null, "Todo", "Rig card", "first text",
                List.of("release"), "2027-01-15", null, reference, false)).toMap();
        operations.createTask(new CreateTaskRequest(null, "Done", "Finished card", null, List.of(), null, null, null, false));
        Map<String, Object> read = operations.getCard(new GetCardRequest(reference, null, false)).toMap();
        System.out.println("getCard by reference: " + read);
        assertEquals("first text", read.get("description"));
        assertEquals(List.of("release"), read.get("labels"));
        assertEquals("2027-01-15", read.get("due"));
        assertEquals(reference, read.get("reference"));
        List<Map<String, Object>> found = operations.findCards(new FindCardsRequest(null, "todo", List.of("Release"), "rig",
                null, null, false)).toMaps();
        System.out.println("findCards Todo, label Release, text rig: " + found);
        assertEquals(1, found.size());
        Map<String, Object> finished = operations.findCards(new FindCardsRequest(null, "Done", List.of(), null, null, null, false))
                .toMaps().get(0);
        System.out.println("findCards Done: closed " + finished.get("closed"));
        assertEquals(true, finished.get("closed"));
        Map<String, Object> updated = operations.updateCard(new UpdateCardRequest((String) created.get("id"), null, "Renamed",
                "second text", List.of("hotfix"), List.of("release"), "2027-02-01", "admin", false)).toMap();
        System.out.println("updateCard: " + updated);
        assertEquals(List.of("title", "description", "labels", "due", "assignee"), updated.get("changed"));
        Map<String, Object> after = operations.getCard(new GetCardRequest((String) created.get("id"), null, false)).toMap();
        System.out.println("read back: " + after);
        assertEquals("Renamed", after.get("title"));
        assertEquals("second text", after.get("description"));
        assertEquals(reference, after.get("reference"));
        assertEquals(List.of("hotfix"), after.get("labels"));
        assertEquals("2027-02-01", after.get("due"));
        assertEquals("admin", after.get("assignee"));
        assertEquals(List.of(), operations.updateCard(new UpdateCardRequest(reference, null, "Renamed", "second text",
                List.of("HOTFIX"), List.of(), null, "admin", false)).changed());
        System.out.println("updateCard again: nothing changed, nothing sent");
    }
}
