package io.jenkins.plugins.projectboards.client.planka;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.HttpResult;
import io.jenkins.plugins.projectboards.client.http.InterruptibleLock;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Planka's REST API under {@code <base>/api}: requests, authentication (an API key, or an access token from a
 * password login, reused until refused and then renewed once), and the one place where Planka's error answers
 * ({@code {code, message, problems}}, {@code X-Exit}) become typed errors.
 */
public final class PlankaTransport {
    private static final Vendor VENDOR = Vendor.PLANKA;

    private final HttpCore core;
    private final HttpUrl api;
    private final PlankaCredentials credentials;
    private final InterruptibleLock signIn = new InterruptibleLock(VENDOR);
    /** Guarded by {@link #signIn}. */
    private String accessToken;

    PlankaTransport(HttpCore core, HttpUrl base, PlankaCredentials credentials) {
        this.core = core;
        this.api = base.newBuilder().addPathSegment("api").build();
        this.credentials = credentials;
    }

    public JsonNode get(String path) {
        return send("GET", path, null, true);
    }

    /** Sends one request and returns its JSON answer; {@code body} {@code null} sends none. */
    public JsonNode send(String method, String path, JsonNode body, boolean idempotent) {
        return sendBody(method, path, body == null ? null : Json.body(body), idempotent);
    }

    /**
     * Sends one request with any body (a multipart upload) and returns its JSON answer. A body is written once per
     * attempt, so a streamed one must be able to open its source again.
     */
    public JsonNode sendBody(String method, String path, RequestBody body, boolean idempotent) {
        String operation = method + " /api" + template(path);
        String token = credentials instanceof PlankaCredentials.Password ? currentToken(operation) : null;
        HttpResult result = core.execute(operation, request(method, path, body, token), idempotent);
        if (result.status() == 401 && token != null) {
            // The access token expired or was revoked: log in again once, then repeat the request once.
            result = core.execute(operation, request(method, path, body, renewToken(operation, token)), idempotent);
        }
        if (!result.isSuccessful()) {
            throw error(operation, result);
        }
        return Json.parse(VENDOR, operation, result);
    }

    private Request request(String method, String path, RequestBody body, String token) {
        HttpUrl.Builder url = api.newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                url.addPathSegment(segment);
            }
        }
        Request.Builder request = new Request.Builder().url(url.build())
                .method(method, body == null ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0]))
                        : body);
        if (credentials instanceof PlankaCredentials.ApiKey key) {
            request.header("X-Api-Key", key.key());
        } else if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private String currentToken(String operation) {
        return signIn.call(operation, () -> {
            if (accessToken == null) {
                accessToken = login();
            }
            return accessToken;
        });
    }

    /** Renews the token unless another caller already did while this one waited. */
    private String renewToken(String operation, String refused) {
        return signIn.call(operation, () -> {
            if (refused.equals(accessToken)) {
                accessToken = login();
            }
            return accessToken;
        });
    }

    private String login() {
        PlankaCredentials.Password password = (PlankaCredentials.Password) credentials;
        String login = "POST /api/access-tokens";
        HttpResult result = core.execute(login, request("POST", "access-tokens", Json.body(Json.object()
                .put("emailOrUsername", password.emailOrUsername()).put("password", password.password())), null), false);
        if (result.status() == 401) {
            throw new AuthenticationException(VENDOR, login, 401, "Planka refused the e-mail or user name and password");
        }
        if (result.status() == 403) {
            JsonNode answer = Json.parseLenient(result.body());
            if (answer != null && "accept-terms".equals(answer.path("step").asText())) {
                throw new AuthenticationException(VENDOR, login, 403, "the Planka account must first accept Planka's terms:"
                        + " log in once in Planka's web interface, or use an API key instead");
            }
        }
        if (!result.isSuccessful()) {
            throw error(login, result);
        }
        return Json.require(VENDOR, login, Json.parse(VENDOR, login, result), "item").asText();
    }

    private static BoardException error(String operation, HttpResult result) {
        if (result.status() == 413) {
            return ApiException.tooLarge(VENDOR, operation);
        }
        JsonNode answer = Json.parseLenient(result.body());
        if (answer == null && result.looksLikeHtml()) {
            // Let the JSON reader say what arrived instead (an HTML page with its title).
            Json.parse(VENDOR, operation, result);
        }
        String message = answer == null ? "" : answer.path("message").asText("");
        List<String> problems = new ArrayList<>();
        if (answer != null) {
            answer.path("problems").forEach(problem -> problems.add(problem.asText()));
        }
        String detail = message.isEmpty() ? "Planka answered " + result.status() : message;
        if (!problems.isEmpty()) {
            detail += ": " + String.join("; ", problems);
        }
        return switch (result.status()) {
            case 400, 422 -> new ValidationException(VENDOR, operation, result.status(), null,
                    result.body().isEmpty() ? "Planka could not read the request" : detail);
            case 401 -> new AuthenticationException(VENDOR, operation, 401, "Planka refused the credentials (" + detail + ")");
            case 403 -> new AuthenticationException(VENDOR, operation, 403, detail);
            case 404 -> new NotFoundException(VENDOR, operation, 404, message.isEmpty()
                    ? "not found (Planka also answers 404 when the account may not see it, or is not an admin for admin-only calls)"
                    : message);
            default -> new ApiException(VENDOR, operation, result.status(), detail);
        };
    }

    /** The path with ids replaced, for messages that name the operation, not the object. */
    private static String template(String path) {
        return ("/" + path).replaceAll("/[1-9][0-9]{5,}", "/{id}");
    }
}
