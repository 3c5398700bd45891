package io.jenkins.plugins.projectboards.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Kanboard 1.2's JSON-RPC endpoint ({@code POST /jsonrpc.php}) for one project "Shop" (id 1) with columns Todo 11,
 * Doing 12, Done 13, user "jenkins" (id 5), and tasks created through it. Answers carry the fields of the recorded
 * exchanges (board-client's {@code fixtures/kanboard}, copied under {@code testing/kanboard/}). Every call is kept
 * as it arrived ({@link #calls}: the JSON-RPC envelope), with the {@code Authorization} header it carried.
 */
public final class FakeKanboard extends Dispatcher {
    public static final List<String> COLUMNS = List.of("Todo", "Doing", "Done");
    public static final int FIRST_TASK = 40;

    /** Each JSON-RPC call received ({@code {jsonrpc, method, id, params}}), in order. */
    public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    /** The {@code Authorization} header of each HTTP request. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Task id → column id. */
    public final Map<Integer, Integer> columns = new ConcurrentHashMap<>();
    /** Task id → title. */
    public final Map<Integer, String> titles = new ConcurrentHashMap<>();
    /** Task id → comments. */
    public final Map<Integer, List<String>> comments = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(FIRST_TASK - 1);
    private final AtomicInteger commentIds = new AtomicInteger(100);
    private volatile String baseUrl = "http://kanboard.invalid";

    /** The methods called, in order. */
    public List<String> methods() {
        return calls.stream().map(call -> call.path("method").asText()).toList();
    }

    /** The params of the calls of {@code method}, in order. */
    public List<JsonNode> params(String method) {
        return calls.stream().filter(call -> method.equals(call.path("method").asText())).map(call -> call.path("params")).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        baseUrl = request.getRequestUrl().newBuilder().encodedPath("/").build().toString().replaceAll("/$", "");
        authorizations.add(request.getHeader("Authorization"));
        if (!"POST".equals(request.getMethod()) || !"/jsonrpc.php".equals(request.getPath())) {
            return new MockResponse().setResponseCode(404);
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.getBody().clone().readUtf8());
            JsonNode answer;
            if (body.isArray()) {
                ArrayNode answers = Json.MAPPER.createArrayNode();
                body.forEach(call -> answers.add(answer(call)));
                answer = answers;
            } else {
                answer = answer(body);
            }
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(answer.toString());
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400).setBody(e.toString());
        }
    }

    private ObjectNode answer(JsonNode call) {
        calls.add(call);
        ObjectNode answer = Json.object().put("jsonrpc", "2.0");
        JsonNode params = call.path("params");
        String method = call.path("method").asText();
        JsonNode result = switch (method) {
            case "getVersion" -> Json.MAPPER.getNodeFactory().textNode("1.2.46");
            case "getAllProjects" -> Json.MAPPER.createArrayNode().add(project());
            case "getColumns" -> columnList();
            case "getUserByName" -> "jenkins".equals(params.path("username").asText()) ? user() : Json.MAPPER.getNodeFactory().nullNode();
            case "createTask" -> createTask(params);
            case "getTask" -> task(params.path("task_id").asInt());
            case "getTaskByReference" -> Json.MAPPER.getNodeFactory().nullNode();
            case "moveTaskPosition" -> {
                Integer before = columns.replace(params.path("task_id").asInt(), params.path("column_id").asInt());
                yield Json.MAPPER.getNodeFactory().booleanNode(before != null);
            }
            case "createComment" -> {
                comments.computeIfAbsent(params.path("task_id").asInt(), id -> new CopyOnWriteArrayList<>()).add(params.path("content").asText());
                yield Json.MAPPER.getNodeFactory().numberNode(commentIds.incrementAndGet());
            }
            default -> null;
        };
        if (result == null) {
            answer.set("error", Json.object().put("code", -32601).put("message", "Method not found"));
        } else {
            answer.set("result", result);
        }
        answer.set("id", call.get("id"));
        return answer;
    }

    private JsonNode createTask(JsonNode params) {
        int id = ids.incrementAndGet();
        columns.put(id, params.path("column_id").asInt(11));
        titles.put(id, params.path("title").asText());
        return Json.MAPPER.getNodeFactory().numberNode(id);
    }

    private JsonNode project() {
        ObjectNode project = (ObjectNode) template("project.json");
        project.put("id", 1).put("name", "Shop").put("identifier", "SHOP");
        ObjectNode url = project.putObject("url");
        url.put("board", baseUrl + "/?controller=BoardViewController&action=show&project_id=1");
        url.put("list", baseUrl + "/?controller=TaskListController&action=show&project_id=1");
        return project;
    }

    private ArrayNode columnList() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (int i = 0; i < COLUMNS.size(); i++) {
            list.add(((ObjectNode) template("column.json")).put("id", 11 + i).put("title", COLUMNS.get(i)).put("position", i + 1)
                    .put("project_id", 1));
        }
        return list;
    }

    private JsonNode user() {
        return Json.object().put("id", 5).put("username", "jenkins").put("role", "app-user").put("is_active", 1);
    }

    /** {@code null} for an unknown task, as Kanboard answers. */
    private JsonNode task(int id) {
        Integer column = columns.get(id);
        if (column == null) {
            return Json.MAPPER.getNodeFactory().nullNode();
        }
        ObjectNode task = (ObjectNode) template("task.json");
        task.put("id", id).put("title", titles.get(id)).put("project_id", 1).put("column_id", column).put("swimlane_id", 1)
                .put("reference", "").put("url", baseUrl + "/?controller=TaskViewController&action=show&task_id=" + id);
        return task;
    }

    private static JsonNode template(String name) {
        try (InputStream in = FakeKanboard.class.getResourceAsStream("kanboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource kanboard/" + name);
            }
            return Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
