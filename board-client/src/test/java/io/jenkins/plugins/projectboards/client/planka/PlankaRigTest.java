package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.FindCardsRequest;
import io.jenkins.plugins.projectboards.client.ops.GetCardRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.ops.UpdateCardRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
