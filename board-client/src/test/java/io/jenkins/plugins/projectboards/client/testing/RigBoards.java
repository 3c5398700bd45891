package io.jenkins.plugins.projectboards.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardAnswer;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCall;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardClient;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Fresh boards full of cards on the real servers of {@link RigServers}, for the benchmarks: a Kanboard project or a
 * Planka board named after issue 14, with {@code cards} cards in its first column. Made with plain requests (Planka)
 * or raw JSON-RPC batches (Kanboard), so that setting up 1,000 cards costs seconds, not the figures being measured.
 * The boards are left behind, as the {@code *RigTest}s leave theirs.
 */
public final class RigBoards {
    /** A board and the ids of its cards, in the order they were made. */
    public record Board(String id, String name, List<String> columns, List<String> cardIds) {}

    private static final int SETUP_CALLS_PER_BATCH = 100;
    private static final int SETUP_PARALLELISM = 8;

    private RigBoards() {}

    /**
     * A Kanboard project with Kanboard's default columns and {@code cards} tasks, made with the application API token:
     * with a user's password Kanboard checks the password (bcrypt) again for every call of a batch, and a batch of
     * 100 creates outlasts the client's deadline on a busy machine.
     */
    public static Board kanboard(RigServers.Kanboard server, OkHttpClient http, String name, int cards) {
        KanboardClient admin = new KanboardClient(server.jsonRpcUrl(),
                KanboardCredentials.applicationToken(server.apiToken(), server.adminUser()), http, ClientOptions.defaults());
        String projectId = admin.batch(List.of(KanboardCall.once("createProject").with("name", name))).get(0).resultOrThrow().asText();
        List<String> columns = new ArrayList<>();
        admin.batch(List.of(KanboardCall.idempotent("getColumns").with("project_id", Long.parseLong(projectId))))
                .get(0).resultOrThrow().forEach(column -> columns.add(column.path("title").asText()));
        List<String> ids = new ArrayList<>();
        for (int start = 0; start < cards; start += SETUP_CALLS_PER_BATCH) {
            List<KanboardCall> creates = new ArrayList<>();
            for (int i = start; i < Math.min(cards, start + SETUP_CALLS_PER_BATCH); i++) {
                creates.add(KanboardCall.once("createTask").with("project_id", Long.parseLong(projectId))
                        .with("title", "Card " + (i + 1)).with("reference", "I14-" + (i + 1)));
            }
            for (KanboardAnswer answer : admin.batch(creates)) {
                ids.add(answer.resultOrThrow().asText());
            }
        }
        return new Board(projectId, name, List.copyOf(columns), List.copyOf(ids));
    }

    /** A Planka project and board "Release" with lists Todo, Doing, Done and {@code cards} cards in Todo. */
    public static Board planka(RigServers.Planka server, OkHttpClient http, String name, int cards) {
        String projectId = post(server, http, "projects", "{\"type\":\"private\",\"name\":" + quoted(name) + "}").path("id").asText();
        String boardId = post(server, http, "projects/" + projectId + "/boards", "{\"name\":\"Release\",\"position\":65536}").path("id").asText();
        List<String> columns = List.of("Todo", "Doing", "Done");
        List<String> listIds = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            listIds.add(post(server, http, "boards/" + boardId + "/lists", "{\"type\":\"active\",\"position\":" + 65536 * (i + 1)
                    + ",\"name\":" + quoted(columns.get(i)) + "}").path("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_PARALLELISM);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < cards; i++) {
                int number = i + 1;
                created.add(pool.submit(() -> post(server, http, "lists/" + listIds.get(0) + "/cards",
                        "{\"type\":\"project\",\"name\":\"Card " + number + "\",\"position\":" + 65536L * number + "}").path("id").asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> card : created) {
                ids.add(card.get());
            }
            return new Board(boardId, name + "/Release", columns, List.copyOf(ids));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not make the Planka cards", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode post(RigServers.Planka server, OkHttpClient http, String path, String json) {
        Request request = new Request.Builder().url(server.url() + "/api/" + path).header("X-Api-Key", server.apiKey())
                .post(RequestBody.create(json, Json.JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException("Planka answered " + response.code() + " to POST /api/" + path + ": " + body);
            }
            return Json.MAPPER.readTree(body).path("item");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return Json.MAPPER.getNodeFactory().textNode(text).toString();
    }
}
