package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.Texts;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.HttpResult;
import io.jenkins.plugins.projectboards.client.http.InterruptibleLock;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.http.Paging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Projectplace's REST API with a robot account: one OAuth2 client-credentials token, fetched once, shared by all
 * callers, renewed a margin before it expires or once when a request is refused with 401; and the one place where
 * error answers become typed errors.
 */
public final class ProjectplaceTransport {
    private static final Vendor VENDOR = Vendor.PROJECTPLACE;
    private static final int PAGE = 100;
    private static final String TOKEN_OPERATION = "POST /oauth2/access_token";

    private final HttpCore core;
    private final HttpUrl base;
    private final HttpUrl tokenUrl;
    private final ProjectplaceCredentials credentials;
    private final ProjectplaceSettings settings;
    private final Clock clock;
    private final InterruptibleLock signIn = new InterruptibleLock(VENDOR);
    /** Guarded by {@link #signIn}, as is {@link #renewAt}. */
    private String token;
    private Instant renewAt = Instant.MIN;

    ProjectplaceTransport(HttpCore core, HttpUrl base, ProjectplaceCredentials credentials, ProjectplaceSettings settings) {
        this.core = core;
        this.base = base;
        this.tokenUrl = settings.tokenUrl() == null
                ? base.newBuilder().addPathSegments("oauth2/access_token").build()
                : HttpUrl.get(settings.tokenUrl());
        this.credentials = credentials;
        this.settings = settings;
        this.clock = core.options().clock();
    }

    /** A path of the version-1 API, e.g. {@code boards/42} → {@code /1/boards/42}. */
    String v1(String path) {
        return settings.apiPrefix() + "/" + path;
    }

    /** A path of the version-2 API, e.g. {@code account/projects} → {@code /2/account/projects}. */
    String v2(String path) {
        return settings.v2Prefix() + "/" + path;
    }

    /**
     * An id as Projectplace's JSON bodies carry it, a number. An id that is not one (an empty id a listing gave, a
     * typed one) is refused before anything is sent, naming the field.
     */
    static long numericId(String operation, String field, String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw new ValidationException(VENDOR, operation, 0, field, id == null || id.isBlank()
                ? "no Projectplace id was given" : "'" + id + "' is not a Projectplace id (a number)");
    }

    public JsonNode get(String path) {
        return send("GET", path, null, true);
    }

    public JsonNode send(String method, String path, JsonNode body, boolean idempotent) {
        String operation = operation(method, path);
        String current = token();
        HttpResult result = core.execute(operation, request(method, path, body, current), idempotent);
        if (result.status() == 401) {
            result = core.execute(operation, request(method, path, body, renew(current)), idempotent);
        }
        if (!result.isSuccessful()) {
            throw error(operation, result);
        }
        return result.body().isBlank() ? Json.object() : Json.parse(VENDOR, operation, result);
    }

    /** How errors and events name a request: its method and path, ids as {@code {id}}. */
    static String operation(String method, String path) {
        return method + " /" + path.replaceAll("/[0-9a-f]{6,}(?=/|$)", "/{id}");
    }

    /**
     * Lists with Projectplace's paging: {@code limit} and {@code row_number} in the body of a POST, a bare array
     * back; pages are requested until one comes back short, for at most {@link Paging#MAX_PAGES} pages.
     */
    public List<JsonNode> paged(String path, ObjectNode filter) {
        String operation = "POST /" + path;
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Paging.beforePage(VENDOR, operation, page, PAGE);
            ObjectNode body = filter.deepCopy().put("limit", PAGE).put("row_number", (page - 1) * PAGE);
            JsonNode answer = send("POST", path, body, true);
            if (!answer.isArray()) {
                throw new MalformedResponseException(VENDOR, operation, 200, "expected a JSON array of results");
            }
            answer.forEach(all::add);
            if (answer.size() < PAGE) {
                return all;
            }
        }
    }

    private Request request(String method, String path, JsonNode body, String bearer) {
        HttpUrl url = base.newBuilder().addPathSegments(path).build();
        RequestBody requestBody = body == null
                ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0]))
                : Json.body(body);
        return new Request.Builder().url(url).header("Authorization", "Bearer " + bearer).method(method, requestBody).build();
    }

    /** The current token, fetched when there is none or it is within the margin of its expiry. */
    private String token() {
        return signIn.call(TOKEN_OPERATION, () -> {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                fetchToken();
            }
            return token;
        });
    }

    /** A new token after a 401, unless another caller already renewed the refused one. */
    private String renew(String refused) {
        return signIn.call(TOKEN_OPERATION, () -> {
            if (refused.equals(token)) {
                fetchToken();
            }
            return token;
        });
    }

    private void fetchToken() {
        String operation = TOKEN_OPERATION;
        Request request = new Request.Builder().url(tokenUrl)
                .header("Authorization", Credentials.basic(credentials.clientId(), credentials.clientSecret()))
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                .build();
        HttpResult result = core.execute(operation, request, false);
        if (result.status() == 401) {
            throw new AuthenticationException(VENDOR, operation, 401, "Projectplace refused the robot's client id and secret");
        }
        if (result.status() == 403) {
            throw new AuthenticationException(VENDOR, operation, 403, "the robot account is not authorized (is it enabled?)");
        }
        if (!result.isSuccessful()) {
            throw error(operation, result);
        }
        JsonNode answer = Json.parse(VENDOR, operation, result);
        long seconds = answer.path("expires").asLong(answer.path("expires_in").asLong(0));
        Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : settings.defaultTokenLifetime();
        token = Json.require(VENDOR, operation, answer, "access_token").asText();
        renewAt = clock.instant().plus(lifetime).minus(settings.tokenMargin());
    }

    private static BoardException error(String operation, HttpResult result) {
        if (result.looksLikeHtml()) {
            Json.parse(VENDOR, operation, result);
        }
        JsonNode answer = Json.parseLenient(result.body());
        String detail = answer == null
                ? (result.body().isBlank() ? "Projectplace answered " + result.status() : result.body().strip())
                : answer.path("error").asText(answer.path("message").asText(answer.toString()));
        detail = Texts.cut(detail, 200);
        return switch (result.status()) {
            case 400, 422 -> new ValidationException(VENDOR, operation, result.status(), null, detail);
            case 401, 403 -> new AuthenticationException(VENDOR, operation, result.status(), "Projectplace refused the request: " + detail);
            case 404 -> new NotFoundException(VENDOR, operation, 404, "not found, or the robot may not see it");
            // Several requests rest on no published Projectplace material (docs/projectplace.md): say that this one is not served.
            case 405 -> new ApiException(VENDOR, operation, 405, "this Projectplace server does not serve this request");
            default -> new ApiException(VENDOR, operation, result.status(), detail);
        };
    }
}
