package io.jenkins.plugins.projectboards.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * Small stateful stand-ins for Kanboard (JSON-RPC, batches included) and Planka (REST), for card updates here and
 * for the plugin's JenkinsRule tests (through this module's test jar): one project/board with columns Todo, Doing,
 * Done and cards 1..n in Todo. They record every HTTP request and every call, answer each response after an optional
 * latency, and are safe for parallel requests.
 */
public abstract class FakeBoards extends Dispatcher {
    public static final List<String> COLUMNS = List.of("Todo", "Doing", "Done");

    /** Card id → column index; ids missing here are unknown cards. */
    protected final Map<String, Integer> cardColumns = new ConcurrentHashMap<>();
    /** Card id → title, for the cards created through the fake (the others are "Card &lt;id&gt;"). */
    protected final Map<String, String> titles = new ConcurrentHashMap<>();
    /** Card id → comments written on it. */
    public final Map<String, List<String>> comments = new ConcurrentHashMap<>();
    /** One line per HTTP request: {@code METHOD path}. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** The {@code Authorization} header of each HTTP request (null where there was none). */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The next id of a card or comment made through the fake is 1001, then 1002, … */
    protected final AtomicInteger ids = new AtomicInteger(1000);
    private final Duration latency;
    /** {@code METHOD path} → how the next such request is answered instead of as usual. */
    private final Map<String, Replacement> replacements = new ConcurrentHashMap<>();

    /** @param applied whether the request is still carried out on the fake board (only its answer is replaced) */
    private record Replacement(MockResponse response, boolean applied) {}

    protected FakeBoards(int cards, Duration latency) {
        this.latency = latency;
        for (int i = 1; i <= cards; i++) {
            cardColumns.put(String.valueOf(i), 0);
        }
    }

    /** The column the card is in now. */
    public String columnOf(String cardId) {
        return COLUMNS.get(cardColumns.get(cardId));
    }

    /** Moves a card as a person on the board would (no request to the fake). */
    public void moveTo(String cardId, String column) {
        cardColumns.put(cardId, COLUMNS.indexOf(column));
    }

    /** Deletes a card as a person on the board would. */
    public void delete(String cardId) {
        cardColumns.remove(cardId);
    }

    protected String titleOf(String cardId) {
        return titles.getOrDefault(cardId, "Card " + cardId);
    }

    /** The next {@code METHOD path} request (e.g. {@code PATCH /api/cards/1}) gets {@code response} and changes nothing. */
    public void answerOnce(String request, MockResponse response) {
        replacements.put(request, new Replacement(response, false));
    }

    /** The next {@code METHOD path} request is carried out, but its answer is lost: the connection drops. */
    public void loseAnswerOnce(String request) {
        replacements.put(request, new Replacement(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST), true));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String line = request.getMethod() + " " + request.getPath();
        requests.add(line);
        authorizations.add(request.getHeader("Authorization"));
        Replacement replacement = replacements.remove(line);
        if (replacement != null && !replacement.applied()) {
            return replacement.response();
        }
        try {
            MockResponse response = answer(request);
            if (replacement != null) {
                return replacement.response();
            }
            return latency.isZero() ? response : response.setHeadersDelay(latency.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400).setBody(e.getMessage());
        }
    }

    protected abstract MockResponse answer(RecordedRequest request) throws IOException;

    protected static MockResponse json(int status, JsonNode body) {
        return Fixture.json(status, body.toString());
    }

    /**
     * Kanboard 1.2's JSON-RPC endpoint ({@code POST /jsonrpc.php}): project 1 "Shop", columns Todo 11, Doing 12,
     * Done 13, any user name as user 1; card n has the reference {@code REF-n}, {@code createTask} adds cards and
     * {@code createTaskFile} files (listed by {@code getAllTaskFiles}).
     * Projects, columns and tasks carry every field of the recorded answers ({@code fixtures/kanboard}) with this
     * fake's ids, names and links; a method it does not know is answered as Kanboard does ("Method not found").
     */
    public static final class Kanboard extends FakeBoards {
        private static final ObjectNode RECORDED_PROJECT = (ObjectNode) recordedResult("09-getProjectById");
        private static final ObjectNode RECORDED_COLUMN = (ObjectNode) recordedResult("10-getColumns").get(0);
        private static final ObjectNode RECORDED_TASK = (ObjectNode) recordedResult("13-getTask");

        /** Each JSON-RPC call received ({@code {jsonrpc, method, id, params}}), in order. */
        public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
        /** Task id → its reference ({@code ""} for none). */
        private final Map<String, String> references = new ConcurrentHashMap<>();
        /** Task id → its tags ({@code getTaskTags}), as {@code createTask}, {@code updateTask} and {@link #tag} set them. */
        private final Map<String, List<String>> tags = new ConcurrentHashMap<>();
        /** Task id → its comments as {@code getAllComments} answers them (with their author). */
        private final Map<String, List<ObjectNode>> commentRecords = new ConcurrentHashMap<>();
        /** Task id → its files as {@code getAllTaskFiles} answers them ({@code id, name, size, task_id}). */
        private final Map<String, List<ObjectNode>> files = new ConcurrentHashMap<>();
        /** The name user 1 was last looked up by: any user name is user 1 here. */
        private volatile String userName = "admin";
        /** Task id → its assignee's user id ({@code updateTask}'s {@code owner_id}). */
        private final Map<String, Integer> owners = new ConcurrentHashMap<>();
        /** Where the client reached this fake: the links of projects and tasks point there, as Kanboard's do. */
        private volatile String baseUrl = "http://kanboard.invalid";

        public Kanboard(int cards, Duration latency) {
            super(cards, latency);
            cardColumns.keySet().forEach(id -> references.put(id, "REF-" + id));
        }

        /** Tags a task as a person on the board would. */
        public void tag(String taskId, String... names) {
            tags.put(taskId, List.of(names));
        }

        /** The methods called, in order. */
        public List<String> methods() {
            return calls.stream().map(call -> call.path("method").asText()).toList();
        }

        /** The params of the calls of {@code method}, in order. */
        public List<JsonNode> params(String method) {
            return calls.stream().filter(call -> method.equals(call.path("method").asText())).map(call -> call.path("params")).toList();
        }

        @Override
        protected MockResponse answer(RecordedRequest request) throws IOException {
            if (!"POST".equals(request.getMethod()) || !"/jsonrpc.php".equals(request.getPath())) {
                return new MockResponse().setResponseCode(404);
            }
            baseUrl = request.getRequestUrl().newBuilder().encodedPath("/").build().toString().replaceAll("/$", "");
            JsonNode body = Json.MAPPER.readTree(request.getBody().clone().readUtf8());
            if (!body.isArray()) {
                return json(200, reply(body));
            }
            ArrayNode replies = Json.MAPPER.createArrayNode();
            body.forEach(call -> replies.add(reply(call)));
            return json(200, replies);
        }

        private ObjectNode reply(JsonNode call) {
            calls.add(call);
            ObjectNode reply = Json.object().put("jsonrpc", "2.0");
            JsonNode result = result(call.path("method").asText(), call.path("params"));
            if (result == null) {
                reply.set("error", Json.object().put("code", -32601).put("message", "Method not found"));
            } else {
                reply.set("result", result);
            }
            reply.set("id", call.get("id"));
            return reply;
        }

        /** The call's result; {@code null} for a method the fake does not know. */
        private JsonNode result(String method, JsonNode params) {
            switch (method) {
                case "getAllProjects":
                    return Json.MAPPER.createArrayNode().add(project());
                case "getColumns": {
                    ArrayNode columns = Json.MAPPER.createArrayNode();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        columns.add(RECORDED_COLUMN.deepCopy().put("id", 11 + i).put("title", COLUMNS.get(i))
                                .put("position", i + 1).put("project_id", 1));
                    }
                    return columns;
                }
                case "getUserByName":
                    userName = params.path("username").asText();
                    return Json.object().put("id", "1").put("username", userName).put("role", "app-admin");
                case "getUser":
                    return Json.object().put("id", params.path("user_id").asText()).put("username", userName).put("role", "app-admin");
                case "createTask": {
                    String id = String.valueOf(ids.incrementAndGet());
                    titles.put(id, params.path("title").asText());
                    references.put(id, params.path("reference").asText(""));
                    cardColumns.put(id, params.has("column_id") ? params.path("column_id").asInt() - 11 : 0);
                    tags.put(id, texts(params.path("tags")));
                    return Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(id));
                }
                case "searchTasks": {
                    // the fake reads no query syntax: every task of the project, which the client checks itself; as
                    // Kanboard's search answer, each names its assignee
                    ArrayNode found = Json.MAPPER.createArrayNode();
                    cardColumns.keySet().stream().sorted().forEach(id -> found.add(((ObjectNode) task(id))
                            .put("assignee_username", owners.getOrDefault(id, 0) == 0 ? null : userName)));
                    return found;
                }
                case "updateTask": {
                    String id = params.path("id").asText();
                    if (!cardColumns.containsKey(id)) {
                        return Json.MAPPER.getNodeFactory().booleanNode(false);
                    }
                    if (params.has("title")) {
                        titles.put(id, params.path("title").asText());
                    }
                    if (params.has("tags")) {
                        tags.put(id, texts(params.path("tags")));
                    }
                    if (params.has("owner_id")) {
                        owners.put(id, params.path("owner_id").asInt());
                    }
                    return Json.MAPPER.getNodeFactory().booleanNode(true);
                }
                case "getTask":
                    return task(params.path("task_id").asText());
                case "getTaskTags": {
                    // Kanboard answers {"tag id": "name"}, or [] when the task has none.
                    List<String> names = tags.getOrDefault(params.path("task_id").asText(), List.of());
                    if (names.isEmpty()) {
                        return Json.MAPPER.createArrayNode();
                    }
                    ObjectNode byId = Json.object();
                    for (int i = 0; i < names.size(); i++) {
                        byId.put(String.valueOf(i + 1), names.get(i));
                    }
                    return byId;
                }
                case "getTaskByReference": {
                    String reference = params.path("reference").asText();
                    return task(references.entrySet().stream().filter(entry -> entry.getValue().equals(reference))
                            .map(Map.Entry::getKey).findFirst().orElse(null));
                }
                case "createComment": {
                    String task = params.path("task_id").asText();
                    int id = ids.incrementAndGet();
                    comments.computeIfAbsent(task, key -> new CopyOnWriteArrayList<>()).add(params.path("content").asText());
                    commentRecords.computeIfAbsent(task, key -> new CopyOnWriteArrayList<>()).add(Json.object().put("id", id)
                            .put("task_id", Integer.parseInt(task)).put("user_id", params.path("user_id").asInt())
                            .put("comment", params.path("content").asText()).put("username", "admin"));
                    return Json.MAPPER.getNodeFactory().numberNode(id);
                }
                case "getAllComments": {
                    ArrayNode list = Json.MAPPER.createArrayNode();
                    commentRecords.getOrDefault(params.path("task_id").asText(), List.of()).forEach(list::add);
                    return list;
                }
                case "moveTaskPosition": {
                    int column = params.path("column_id").asInt() - 11;
                    Integer before = cardColumns.put(params.path("task_id").asText(), column);
                    return Json.MAPPER.getNodeFactory().booleanNode(before != null && before != column);
                }
                case "getAllTaskFiles": {
                    ArrayNode list = Json.MAPPER.createArrayNode();
                    files.getOrDefault(params.path("task_id").asText(), List.of()).forEach(list::add);
                    return list;
                }
                case "createTaskFile": {
                    String task = params.path("task_id").asText();
                    int id = ids.incrementAndGet();
                    int size = Base64.getDecoder().decode(params.path("blob").asText()).length;
                    files.computeIfAbsent(task, key -> new CopyOnWriteArrayList<>()).add(Json.object().put("id", id)
                            .put("name", params.path("filename").asText()).put("size", size).put("task_id", Integer.parseInt(task)));
                    return Json.MAPPER.getNodeFactory().numberNode(id);
                }
                default:
                    return null;
            }
        }

        private ObjectNode project() {
            ObjectNode project = RECORDED_PROJECT.deepCopy().put("id", 1).put("name", "Shop").put("identifier", "SHOP");
            ObjectNode links = project.putObject("url");
            links.put("board", baseUrl + "/?controller=BoardViewController&action=show&project_id=1");
            links.put("list", baseUrl + "/?controller=TaskListController&action=show&project_id=1");
            return project;
        }

        /** {@code null} for an unknown task, as Kanboard answers. */
        private JsonNode task(String id) {
            Integer column = id == null ? null : cardColumns.get(id);
            if (column == null) {
                return Json.MAPPER.getNodeFactory().nullNode();
            }
            return RECORDED_TASK.deepCopy().put("id", Integer.parseInt(id)).put("title", titleOf(id)).put("project_id", 1)
                    .put("column_id", 11 + column).put("swimlane_id", 1).put("position", 1).put("is_active", 1)
                    .put("reference", references.getOrDefault(id, "")).put("owner_id", owners.getOrDefault(id, 0))
                    .put("url", baseUrl + "/?controller=TaskViewController&action=show&task_id=" + id);
        }

        private static List<String> texts(JsonNode array) {
            List<String> texts = new CopyOnWriteArrayList<>();
            array.forEach(text -> texts.add(text.asText()));
            return texts;
        }

        /** The {@code result} of a recorded answer. */
        private static JsonNode recordedResult(String fixture) {
            try {
                return Json.MAPPER.readTree(Fixture.load("kanboard/" + fixture + ".txt").responseBody()).get("result");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Planka's REST API: project "Shop" with board "Web" (id 500), lists 51-53, user "jenkins" (admin); cards can be
     * created, and webhooks registered (their request bodies are kept in {@link #webhooks}).
     */
    public static final class Planka extends FakeBoards {
        public final List<JsonNode> webhooks = new CopyOnWriteArrayList<>();
        private final Map<String, String> descriptions = new ConcurrentHashMap<>();

        public Planka(int cards, Duration latency) {
            super(cards, latency);
        }

        @Override
        protected MockResponse answer(RecordedRequest request) throws IOException {
            String path = request.getPath();
            String method = request.getMethod();
            if (method.equals("GET") && path.equals("/api/users/me")) {
                ObjectNode me = Json.object();
                me.set("item", Json.object().put("id", "7").put("username", "jenkins").put("name", "Jenkins").put("role", "admin"));
                return json(200, me);
            }
            if (method.equals("PATCH") && path.matches("/api/webhooks/9\\d+")) {
                int index = Integer.parseInt(path.substring("/api/webhooks/9".length())) - 1;
                ObjectNode hook = ((ObjectNode) webhooks.get(index)).deepCopy();
                hook.setAll((ObjectNode) Json.MAPPER.readTree(request.getBody().clone().readUtf8()));
                webhooks.set(index, hook);
                ObjectNode updated = Json.object();
                updated.set("item", Json.object().put("id", "9" + (index + 1)).put("url", hook.path("url").asText()));
                return json(200, updated);
            }
            if (path.equals("/api/webhooks")) {
                ArrayNode items = Json.MAPPER.createArrayNode();
                if (method.equals("POST")) {
                    JsonNode body = Json.MAPPER.readTree(request.getBody().clone().readUtf8());
                    webhooks.add(body);
                    ObjectNode created = Json.object();
                    created.set("item", Json.object().put("id", "9" + webhooks.size()).put("name", body.path("name").asText())
                            .put("url", body.path("url").asText()));
                    return json(200, created);
                }
                for (int i = 0; i < webhooks.size(); i++) {
                    ObjectNode hook = Json.object().put("id", "9" + (i + 1)).put("url", webhooks.get(i).path("url").asText())
                            .put("accessToken", webhooks.get(i).path("accessToken").asText(null));
                    ArrayNode events = hook.putArray("events");
                    for (String event : webhooks.get(i).path("events").asText().split(",")) {
                        if (!event.isEmpty()) {
                            events.add(event);
                        }
                    }
                    hook.putNull("excludedEvents");
                    items.add(hook);
                }
                ObjectNode list = Json.object();
                list.set("items", items);
                return json(200, list);
            }
            if (method.equals("POST") && path.matches("/api/lists/5[1-3]/cards")) {
                JsonNode body = Json.MAPPER.readTree(request.getBody().clone().readUtf8());
                String id = String.valueOf(ids.incrementAndGet());
                cardColumns.put(id, Integer.parseInt(path.split("/")[3]) - 51);
                titles.put(id, body.path("name").asText());
                descriptions.put(id, body.path("description").asText(""));
                return json(200, cardItem(id));
            }
            if (method.equals("GET") && path.equals("/api/projects")) {
                return json(200, Json.MAPPER.readTree("""
                        {"items":[{"id":"5","name":"Shop"}],\
                        "included":{"boards":[{"id":"500","name":"Web","projectId":"5"}]}}"""));
            }
            if (method.equals("GET") && path.equals("/api/boards/500")) {
                ObjectNode board = Json.object();
                board.set("item", Json.object().put("id", "500").put("name", "Web").put("projectId", "5"));
                ArrayNode lists = Json.MAPPER.createArrayNode();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    lists.add(Json.object().put("id", String.valueOf(51 + i)).put("name", COLUMNS.get(i))
                            .put("type", "active").put("position", 65536 * (i + 1)).put("boardId", "500"));
                }
                ObjectNode included = Json.object();
                included.set("lists", lists);
                included.set("labels", Json.MAPPER.createArrayNode());
                ArrayNode cards = Json.MAPPER.createArrayNode();
                cardColumns.keySet().stream().sorted().forEach(id -> cards.add(card(id)));
                included.set("cards", cards);
                board.set("included", included);
                return json(200, board);
            }
            String[] parts = path.split("/");
            if (parts.length >= 4 && parts[2].equals("cards")) {
                String id = parts[3];
                if (!cardColumns.containsKey(id)) {
                    return json(404, Json.object().put("code", "E_NOT_FOUND").put("message", "Card not found"));
                }
                if (method.equals("POST") && parts.length == 5 && parts[4].equals("comments")) {
                    String text = Json.MAPPER.readTree(request.getBody().clone().readUtf8()).path("text").asText();
                    comments.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(text);
                    ObjectNode comment = Json.object();
                    comment.set("item", Json.object().put("id", String.valueOf(ids.incrementAndGet())).put("cardId", id).put("text", text));
                    return json(200, comment);
                }
                if (method.equals("PATCH")) {
                    JsonNode changes = Json.MAPPER.readTree(request.getBody().clone().readUtf8());
                    if (changes.has("listId")) {
                        cardColumns.put(id, Integer.parseInt(changes.path("listId").asText()) - 51);
                    }
                    if (changes.has("name")) {
                        titles.put(id, changes.path("name").asText());
                    }
                    if (changes.has("description")) {
                        descriptions.put(id, changes.path("description").asText());
                    }
                }
                return json(200, cardItem(id));
            }
            return json(404, Json.object().put("code", "E_NOT_FOUND").put("message", "no route " + method + " " + path));
        }

        private ObjectNode cardItem(String id) {
            ObjectNode card = Json.object();
            card.set("item", card(id));
            card.set("included", Json.object());
            return card;
        }

        private ObjectNode card(String id) {
            return Json.object().put("id", id).put("name", titleOf(id)).put("boardId", "500")
                    .put("listId", String.valueOf(51 + cardColumns.get(id))).put("position", 65536)
                    .put("description", descriptions.getOrDefault(id, ""));
        }
    }
}
