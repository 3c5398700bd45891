package io.jenkins.plugins.projectboards.client.kanboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.HttpResult;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Kanboard's JSON-RPC 2.0 over {@code POST /jsonrpc.php}: the envelope, authentication, batches, and the one place
 * where Kanboard's ways of failing become typed errors. Kanboard reports most failures with HTTP 200: a JSON-RPC
 * {@code error}, or a bare {@code false} result for a write it rejected (it gives no detail); only authentication
 * uses HTTP statuses (401, 403).
 */
public final class KanboardTransport {
    private static final Vendor VENDOR = Vendor.KANBOARD;

    private final HttpCore core;
    private final HttpUrl endpoint;
    private final String authorization;
    private final boolean applicationToken;
    private final AtomicLong ids = new AtomicLong();

    KanboardTransport(HttpCore core, HttpUrl endpoint, KanboardCredentials credentials) {
        this.core = core;
        this.endpoint = endpoint;
        this.authorization = Credentials.basic(credentials.basicUser(), credentials.basicSecret());
        this.applicationToken = credentials instanceof KanboardCredentials.ApplicationToken;
    }

    /**
     * Calls one procedure.
     *
     * @return the result; a JSON {@code null} (getters of unknown ids) is returned as is for the caller to judge
     */
    public JsonNode call(KanboardCall call) {
        long id = ids.incrementAndGet();
        return send(call, RequestBody.create(envelope(call, id).toString(), Json.JSON_TYPE));
    }

    /**
     * Calls one procedure whose last parameter, {@code blob}, is a file in base64 ({@code createTaskFile}): the
     * file is encoded while the body is written, so it is never in memory whole.
     */
    public JsonNode callWithBlob(KanboardCall call, AttachmentUpload blob) {
        String envelope = envelope(call, ids.incrementAndGet()).toString();
        // The envelope ends with the params object and itself: "...}}". The blob goes in as the last parameter.
        String head = envelope.substring(0, envelope.length() - 2) + ",\"blob\":\"";
        return send(call, new KanboardBlobBody(head, blob, "\"}}"));
    }

    private JsonNode send(KanboardCall call, RequestBody body) {
        HttpResult result = core.execute(call.method(), request(body), call.idempotent());
        JsonNode answer = parseAnswer(call.method(), result);
        return resultOf(call, answer);
    }

    /**
     * Sends several calls in one HTTP request. Answers are matched by id, not by position, and a failing call fails
     * alone: its {@link KanboardAnswer} carries the typed error. The batch is retried only when every call is
     * idempotent.
     */
    public List<KanboardAnswer> batch(List<KanboardCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        ArrayNode body = Json.MAPPER.createArrayNode();
        Map<Long, Integer> positionById = new HashMap<>();
        for (KanboardCall call : calls) {
            long id = ids.incrementAndGet();
            positionById.put(id, positionById.size());
            body.add(envelope(call, id));
        }
        boolean idempotent = calls.stream().allMatch(KanboardCall::idempotent);
        String operation = "batch of " + calls.size() + " calls";
        JsonNode answers = parseAnswer(operation,
                core.execute(operation, request(RequestBody.create(body.toString(), Json.JSON_TYPE)), idempotent));
        if (!answers.isArray()) {
            throw new MalformedResponseException(VENDOR, operation, 200, "expected a JSON array of answers");
        }
        KanboardAnswer[] ordered = new KanboardAnswer[calls.size()];
        for (JsonNode answer : answers) {
            Integer position = positionById.get(answer.path("id").asLong(-1));
            if (position == null) {
                continue;
            }
            KanboardCall call = calls.get(position);
            try {
                ordered[position] = new KanboardAnswer(call, resultOf(call, answer), null);
            } catch (BoardException e) {
                ordered[position] = new KanboardAnswer(call, null, e);
            }
        }
        List<KanboardAnswer> result = new ArrayList<>(calls.size());
        for (int i = 0; i < ordered.length; i++) {
            result.add(ordered[i] != null ? ordered[i] : new KanboardAnswer(calls.get(i), null,
                    new MalformedResponseException(VENDOR, calls.get(i).method(), 200, "the batch answer has no reply to this call")));
        }
        return result;
    }

    private static ObjectNode envelope(KanboardCall call, long id) {
        ObjectNode envelope = Json.object().put("jsonrpc", "2.0").put("method", call.method()).put("id", id);
        if (!call.params().isEmpty()) {
            envelope.set("params", call.params());
        }
        return envelope;
    }

    private Request request(RequestBody body) {
        return new Request.Builder()
                .url(endpoint)
                .header("Authorization", authorization)
                .post(body)
                .build();
    }

    private JsonNode parseAnswer(String operation, HttpResult result) {
        if (result.status() == 413) {
            throw ApiException.tooLarge(VENDOR, operation);
        }
        if (result.status() == 401) {
            throw new AuthenticationException(VENDOR, operation, 401, applicationToken
                    ? "Kanboard refused the application API token (Settings → API)"
                    : "Kanboard refused the user name and password or token (more than 6 wrong passwords lock the user"
                            + " for 15 minutes)");
        }
        if (result.status() == 403) {
            throw new AuthenticationException(VENDOR, operation, 403, applicationToken
                    ? "forbidden: this procedure needs user credentials, the application token cannot call it"
                    : "forbidden: the user is not a member of this project, or the project does not exist");
        }
        if (!result.isSuccessful() && !result.looksLikeHtml()) {
            JsonNode error = Json.parseLenient(result.body());
            String message = error == null ? "" : error.path("error").path("message").asText("");
            throw new ApiException(VENDOR, operation, result.status(),
                    message.isEmpty() ? "Kanboard answered with an error" : "Kanboard answered: " + message);
        }
        return Json.parse(VENDOR, operation, result);
    }

    private static JsonNode resultOf(KanboardCall call, JsonNode answer) {
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw rpcError(call.method(), error);
        }
        if (!answer.has("result")) {
            throw new MalformedResponseException(VENDOR, call.method(), 200, "the answer has neither 'result' nor 'error'");
        }
        JsonNode result = answer.get("result");
        if (result.isBoolean() && !result.booleanValue()) {
            throw new ValidationException(VENDOR, call.method(), 200, null,
                    "Kanboard rejected the call without saying why (result false); check the values sent, e.g. an empty"
                            + " title, an unknown id, or a user who may not do this");
        }
        return result;
    }

    private static BoardException rpcError(String method, JsonNode error) {
        int code = error.path("code").asInt();
        String message = error.path("message").asText("");
        String data = error.path("data").asText("");
        String detail = message + (data.isEmpty() ? "" : ": " + data);
        return switch (code) {
            case -32601 -> new ApiException(VENDOR, method, 200,
                    "Kanboard does not know the procedure '" + method + "' (" + detail + "); is the server older than 1.2?");
            case -32602 -> new ValidationException(VENDOR, method, 200, null, "invalid parameters (" + detail + ")");
            default -> new ApiException(VENDOR, method, 200, "JSON-RPC error " + code + " (" + detail + ")");
        };
    }
}
