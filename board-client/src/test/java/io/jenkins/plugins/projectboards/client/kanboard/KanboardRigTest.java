package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
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
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.Test;

/**
 * Runs the client once against a real Kanboard (e.g. the {@code kanboard/kanboard} container image, see CONTRIBUTING.md) when
 * {@code KANBOARD_JSONRPC_URL}, {@code KANBOARD_API_TOKEN}, {@code KANBOARD_ADMIN_USER} and
 * {@code KANBOARD_ADMIN_PASSWORD} are set; skips otherwise. Prints one line per step (never a secret).
 */
public class KanboardRigTest {

    private static String env(String name) {
        String value = System.getenv(name);
        assumeTrue(name + " is not set: no Kanboard to test against", value != null && !value.isBlank());
        return value;
    }

    @Test
    public void realServer() {
        String url = env("KANBOARD_JSONRPC_URL");
        OkHttpClient http = new OkHttpClient();
        KanboardClient app = new KanboardClient(url,
                KanboardCredentials.applicationToken(env("KANBOARD_API_TOKEN"), env("KANBOARD_ADMIN_USER")), http, ClientOptions.defaults());
        KanboardClient user = new KanboardClient(url,
                KanboardCredentials.user(env("KANBOARD_ADMIN_USER"), env("KANBOARD_ADMIN_PASSWORD")), http, ClientOptions.defaults());
        System.out.println("whoAmI (token): " + app.whoAmI());
        System.out.println("whoAmI (user):  " + user.whoAmI());

        String project = "Rig " + System.currentTimeMillis();
        String projectId = user.batch(List.of(KanboardCall.once("createProject").with("name", project))).get(0).resultOrThrow().asText();
        System.out.println("created project " + project + " (id " + projectId + ") with user credentials");

        BoardOperations operations = new BoardOperations(app, project);
        String reference = "RIG-" + System.currentTimeMillis();
        Map<String, Object> dry = operations.createTask(new CreateTaskRequest(null, "Ready", "Rig task", "from KanboardRigTest",
                List.of("rig"), "2027-01-15", "admin", reference, true)).toMap();
        System.out.println("createTask dryRun: " + dry);
        Map<String, Object> created = operations.createTask(new CreateTaskRequest(null, "Ready", "Rig task", "from KanboardRigTest",
                List.of("rig"), "2027-01-15", "admin", reference, false)).toMap();
        System.out.println("createTask: " + created);
        assertEquals(true, created.get("created"));
        Map<String, Object> again = operations.createTask(new CreateTaskRequest(null, "Ready", "Rig task", null,
                List.of(), null, null, reference, false)).toMap();
        System.out.println("createTask again, same reference: " + again);
        assertEquals(false, again.get("created"));
        assertEquals(created.get("id"), again.get("id"));

        Map<String, Object> moved = operations.moveCard(new MoveCardRequest("ref:" + reference, "Work in progress", null, null, false)).toMap();
        System.out.println("moveCard by reference: " + moved);
        Map<String, Object> done = operations.moveCard(new MoveCardRequest((String) created.get("url"), "done", null, "top", false)).toMap();
        System.out.println("moveCard by URL: " + done);
        assertEquals("Done", done.get("column"));
        Map<String, Object> noop = operations.moveCard(new MoveCardRequest("#" + created.get("id"), "Done", null, null, false)).toMap();
        System.out.println("moveCard again: " + noop);
        assertFalse((Boolean) noop.get("moved"));
        Map<String, Object> comment = operations.commentOnTask(new CommentRequest("#" + created.get("id"), "Commented by KanboardRigTest", null, false)).toMap();
        System.out.println("commentOnTask: " + comment);
        UnknownNameException unknown = assertThrows(UnknownNameException.class,
                () -> operations.moveCard(new MoveCardRequest("#" + created.get("id"), "Shipped", null, null, false)));
        System.out.println("unknown column: " + unknown.getMessage());

        KanboardTask task = app.cards().get((String) created.get("id")).orElseThrow();
        System.out.println("server now has: task " + task.id() + " '" + task.title() + "' column_id " + task.columnId()
                + " reference " + task.reference());
        List<KanboardAnswer> batch = app.batch(List.of(KanboardCall.idempotent("getVersion"), KanboardCall.idempotent("getTask").with("task_id", Long.parseLong(task.id())),
                KanboardCall.idempotent("noSuchMethod")));
        System.out.println("batch: " + batch.get(0).result() + " / task " + batch.get(1).result().path("title").asText()
                + " / " + batch.get(2).error().getMessage());
        assertTrue(batch.get(2).failed());
    }

    /**
     * The approval gate on a real Kanboard: a card moved through the API (as a person would move it) is seen by the
     * gate's next read, approving in Done and rejecting in Backlog, a tag approves in any column; an unknown column
     * fails before it waits. Poll only:
     * Kanboard's webhook URL is one setting for the whole server, which this test leaves alone.
     */
    @Test
    public void approvalGateSeesRealMoves() {
        String url = env("KANBOARD_JSONRPC_URL");
        OkHttpClient http = new OkHttpClient();
        KanboardClient app = new KanboardClient(url,
                KanboardCredentials.applicationToken(env("KANBOARD_API_TOKEN"), env("KANBOARD_ADMIN_USER")), http, ClientOptions.defaults());
        KanboardClient user = new KanboardClient(url,
                KanboardCredentials.user(env("KANBOARD_ADMIN_USER"), env("KANBOARD_ADMIN_PASSWORD")), http, ClientOptions.defaults());
        String project = "Rig gate " + System.currentTimeMillis();
        long projectId = user.batch(List.of(KanboardCall.once("createProject").with("name", project))).get(0).resultOrThrow().asLong();
        BoardOperations operations = new BoardOperations(app, project);
        List<String> ids = new ArrayList<>();
        for (String title : List.of("Approve me", "Reject me", "Tag me")) {
            ids.add((String) operations.createTask(new CreateTaskRequest(null, "Ready", title, null, List.of(), null, null, null, false))
                    .toMap().get("id"));
        }
        WaitForCardRequest approveInDone = new WaitForCardRequest(ids.get(0), null, List.of("Done"), List.of("Backlog"), null, 5, false);
        ApprovalGate approving = operations.openGate(approveInDone, Instant.now());
        ApprovalGate rejecting = operations.openGate(
                new WaitForCardRequest(ids.get(1), null, List.of("Done"), List.of("Backlog"), null, 5, false), Instant.now());
        ApprovalGate byLabel = operations.openGate(
                new WaitForCardRequest(ids.get(2), null, List.of(), List.of("Backlog"), "approved", 5, false), Instant.now());
        System.out.println("gates opened: " + approving.decision() + " / " + rejecting.decision() + " / " + byLabel.decision());
        assertEquals(GateDecision.Outcome.WAITING, approving.check(app, Instant.now()).outcome());

        BoardOperations person = new BoardOperations(user, project);
        person.moveCard(new MoveCardRequest("#" + ids.get(0), "Done", null, null, false));
        person.moveCard(new MoveCardRequest("#" + ids.get(1), "Backlog", null, null, false));
        user.batch(List.of(KanboardCall.once("setTaskTags").with("project_id", projectId).with("task_id", Long.parseLong(ids.get(2)))
                .with("tags", List.of("release", "Approved")))).get(0).resultOrThrow();
        GateDecision labelled = byLabel.check(app, Instant.now());
        System.out.println("after tagging: " + labelled);
        assertEquals(GateDecision.Outcome.APPROVED, labelled.outcome());
        assertEquals("Ready", labelled.column());
        GateDecision approved = approving.check(app, Instant.now());
        GateDecision rejected = rejecting.check(app, Instant.now());
        System.out.println("after the moves: " + approved + " / " + rejected);
        assertEquals(GateDecision.Outcome.APPROVED, approved.outcome());
        assertEquals("Done", approved.column());
        assertEquals("Ready", approved.previousColumn());
        assertEquals(GateDecision.Outcome.REJECTED, rejected.outcome());
        assertEquals("Backlog", rejected.column());

        UnknownNameException unknown = assertThrows(UnknownNameException.class, () -> operations.openGate(
                new WaitForCardRequest(ids.get(0), null, List.of("Approved"), List.of(), null, 5, false), Instant.now()));
        System.out.println("unknown column: " + unknown.getMessage());
    }

    /** A job failing twice and then fixed: one task (by reference), three comments, moved to Done. */
    @Test
    public void failureCardFailFailFixed() {
        String url = env("KANBOARD_JSONRPC_URL");
        KanboardClient app = new KanboardClient(url, KanboardCredentials.applicationToken(env("KANBOARD_API_TOKEN"), env("KANBOARD_ADMIN_USER")),
                new OkHttpClient(), ClientOptions.defaults());
        String project = "Part D failure card " + System.currentTimeMillis();
        String projectId = app.batch(List.of(KanboardCall.once("createProject").with("name", project))).get(0).resultOrThrow().asText();
        System.out.println("created project " + project + " (id " + projectId + ")");

        String taskId = FailureCardSequence.failFailFixed(new BoardOperations(app, project), "team/app", "Backlog", "Done");

        List<KanboardAnswer> server = app.batch(List.of(
                KanboardCall.idempotent("getAllTasks").with("project_id", Long.parseLong(projectId)).with("status_id", 1),
                KanboardCall.idempotent("getAllComments").with("task_id", Long.parseLong(taskId)),
                KanboardCall.idempotent("getTask").with("task_id", Long.parseLong(taskId))));
        assertEquals("one task in the project", 1, server.get(0).resultOrThrow().size());
        List<String> comments = new ArrayList<>();
        server.get(1).resultOrThrow().forEach(comment -> comments.add(comment.path("comment").asText()));
        System.out.println("server has: " + comments.size() + " comments " + comments + ", task reference "
                + server.get(2).resultOrThrow().path("reference").asText() + ", column " + server.get(2).resultOrThrow().path("column_id").asText());
        assertEquals(3, comments.size());
        assertTrue(comments.get(0), comments.get(0).startsWith("Opened for Jenkins build team/app #1: FAILURE"));
        assertTrue(comments.get(1), comments.get(1).startsWith("Still failing in Jenkins build team/app #2: FAILURE"));
        assertTrue(comments.get(2), comments.get(2).startsWith("Fixed in Jenkins build team/app #3: SUCCESS"));
        assertEquals("team/app broken since #1", server.get(2).resultOrThrow().path("reference").asText());
        String doneId = app.columns(app.resolveBoard(project)).stream().filter(column -> column.name().equals("Done")).findFirst().orElseThrow().id();
        assertEquals(doneId, server.get(2).resultOrThrow().path("column_id").asText());
    }

    /**
     * Uploads a 5 MiB file through the {@code attachFile} operation, runs it again (nothing is sent), and downloads
     * the file back ({@code downloadTaskFile}, read with a plain client: its base64 answer is larger than the
     * library's answer cap) to compare the bytes.
     */
    @Test
    public void attachmentRoundTrip() throws Exception {
        String url = env("KANBOARD_JSONRPC_URL");
        String token = env("KANBOARD_API_TOKEN");
        OkHttpClient http = new OkHttpClient();
        KanboardClient app = new KanboardClient(url, KanboardCredentials.applicationToken(token, env("KANBOARD_ADMIN_USER")),
                http, ClientOptions.defaults());
        String project = "Rig attach " + System.currentTimeMillis();
        app.batch(List.of(KanboardCall.once("createProject").with("name", project))).get(0).resultOrThrow();
        BoardOperations operations = new BoardOperations(app, project);
        Map<String, Object> card = operations.createTask(new CreateTaskRequest(null, null, "Rig attachments", null, List.of(),
                null, null, null, false)).toMap();
        long size = 5L * 1024 * 1024;
        AtomicInteger opened = new AtomicInteger();
        AttachmentUpload report = Uploads.generated("report-5MiB.bin", size, opened);
        long started = System.nanoTime();
        Map<String, Object> attached = operations.attachFiles(new AttachFilesRequest("#" + card.get("id"), null, null,
                List.of(report), 10L * 1024 * 1024, false)).toMap();
        System.out.println("attachFile 5 MiB in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + attached);
        Map<String, Object> again = operations.attachFiles(new AttachFilesRequest("#" + card.get("id"), null, null,
                List.of(report), 10L * 1024 * 1024, false)).toMap();
        System.out.println("attachFile again: " + again.get("attachments"));
        assertEquals(false, ((Map<?, ?>) ((List<?>) again.get("attachments")).get(0)).get("uploaded"));
        assertEquals(1, opened.get());

        String fileId = (String) ((Map<?, ?>) ((List<?>) attached.get("attachments")).get(0)).get("id");
        Request download = new Request.Builder().url(url).header("Authorization", okhttp3.Credentials.basic("jsonrpc", token))
                .post(okhttp3.RequestBody.create("""
                        {"jsonrpc":"2.0","method":"downloadTaskFile","id":1,"params":{"file_id":%s}}""".formatted(fileId),
                        Json.JSON_TYPE)).build();
        String blob;
        try (Response response = http.newCall(download).execute()) {
            blob = Json.MAPPER.readTree(response.body().byteStream()).path("result").asText();
        }
        String expected = Uploads.sha256(Uploads.generatedStream(size));
        String downloaded = Uploads.sha256(new ByteArrayInputStream(Base64.getDecoder().decode(blob)));
        System.out.println("SHA-256 sent       " + expected);
        System.out.println("SHA-256 downloaded " + downloaded);
        assertEquals(expected, downloaded);
    }

    /** getCard, findCards and updateCard (issue 13) on a project of their own, each change read back from the server. */
    @Test
    public void readSearchAndUpdateCards() {
        String url = env("KANBOARD_JSONRPC_URL");
        KanboardClient app = new KanboardClient(url,
                KanboardCredentials.applicationToken(env("KANBOARD_API_TOKEN"), env("KANBOARD_ADMIN_USER")), new OkHttpClient(),
                ClientOptions.defaults());
        String project = "Rig i13a " + System.currentTimeMillis();
        String projectId = app.batch(List.of(KanboardCall.once("createProject").with("name", project))).get(0).resultOrThrow().asText();
        app.batch(List.of(KanboardCall.once("addProjectUser").with("project_id", Long.parseLong(projectId))
                .with("user_id", Long.parseLong(app.users().user(env("KANBOARD_ADMIN_USER")).id())))).get(0).resultOrThrow();
        BoardOperations operations = new BoardOperations(app, project);
        String reference = "RIG-A-" + System.currentTimeMillis();
        Map<String, Object> created = operations.createTask(new CreateTaskRequest(null, "Ready", "Rig \"quoted\" task", "first text",
                List.of("rig", "alpha"), "2027-01-15", null, reference, false)).toMap();
        operations.createTask(new CreateTaskRequest(null, "Backlog", "Other task", null, List.of("rig"), null, null, null, false));
        Map<String, Object> read = operations.getCard(new GetCardRequest("ref:" + reference, null, false)).toMap();
        System.out.println("getCard by reference: " + read);
        assertEquals("Ready", read.get("column"));
        assertEquals(List.of("alpha", "rig"), sorted(read.get("labels")));
        assertEquals("2027-01-15", read.get("due"));
        List<Map<String, Object>> found = operations.findCards(new FindCardsRequest(null, "Ready", List.of("alpha"), "\"quoted\" task",
                null, null, false)).toMaps();
        System.out.println("findCards column Ready, label alpha, text '\"quoted\" task': " + found);
        assertEquals(1, found.size());
        assertEquals(created.get("id"), found.get(0).get("id"));
        assertEquals(2, operations.findCards(new FindCardsRequest(null, null, List.of("rig"), null, null, null, false)).cards().size());
        assertEquals(1, operations.findCards(new FindCardsRequest(null, null, List.of(), null, null, 1, false)).cards().size());
        assertEquals(1, operations.findCards(new FindCardsRequest(null, null, List.of(), null, reference, null, false)).cards().size());
        Map<String, Object> dry = operations.updateCard(new UpdateCardRequest("#" + created.get("id"), null, "Renamed", null,
                List.of("beta"), List.of("alpha"), null, env("KANBOARD_ADMIN_USER"), true)).toMap();
        System.out.println("updateCard dryRun: " + dry);
        assertEquals("Rig \"quoted\" task", operations.getCard(new GetCardRequest("#" + created.get("id"), null, false)).toMap().get("title"));
        Map<String, Object> updated = operations.updateCard(new UpdateCardRequest("#" + created.get("id"), null, "Renamed", null,
                List.of("beta"), List.of("alpha"), "2027-02-01", env("KANBOARD_ADMIN_USER"), false)).toMap();
        System.out.println("updateCard: " + updated);
        assertEquals(List.of("title", "labels", "due", "assignee"), updated.get("changed"));
        Map<String, Object> after = operations.getCard(new GetCardRequest("#" + created.get("id"), null, false)).toMap();
        System.out.println("read back: " + after);
        assertEquals("Renamed", after.get("title"));
        assertEquals("first text", after.get("description"));
        assertEquals(List.of("beta", "rig"), sorted(after.get("labels")));
        assertEquals("2027-02-01", after.get("due"));
        assertEquals(env("KANBOARD_ADMIN_USER"), after.get("assignee"));
        Map<String, Object> again = operations.updateCard(new UpdateCardRequest("#" + created.get("id"), null, "Renamed", null,
                List.of("beta"), List.of("alpha"), "2027-02-01", env("KANBOARD_ADMIN_USER"), false)).toMap();
        System.out.println("updateCard again: changed " + again.get("changed"));
        assertEquals(List.of(), again.get("changed"));
        operations.updateCard(new UpdateCardRequest("#" + created.get("id"), null, null, null, List.of(), List.of("beta", "rig"),
                null, null, false));
        assertEquals(List.of(), operations.getCard(new GetCardRequest("#" + created.get("id"), null, false)).toMap().get("labels"));
        System.out.println("every label removed: read back none");
    }

    private static List<String> sorted(Object labels) {
        @SuppressWarnings("unchecked")
        List<String> list = new java.util.ArrayList<>((List<String>) labels);
        java.util.Collections.sort(list);
        return list;
    }
}
