package io.jenkins.plugins.projectboards.client.kechain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpCore;
import io.jenkins.plugins.projectboards.client.http.HttpResult;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.http.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * KE-chain's REST API as pykechain 4.16 speaks it: paths relative to the instance URL (joined like Python's
 * {@code urljoin}, so the base keeps a trailing slash), {@code X-Requested-With: XMLHttpRequest} on every request,
 * {@code {"results": […]}} envelopes, and the one place where errors become typed. KE-chain answers bad credentials
 * with 403, not 401.
 */
public final class KechainTransport {
    private static final Vendor VENDOR = Vendor.KECHAIN;
    static final int PAGE = 100;

    private final HttpCore core;
    private final HttpUrl base;
    private final KechainCredentials credentials;

    KechainTransport(HttpCore core, HttpUrl base, KechainCredentials credentials) {
        this.core = core;
        this.base = base;
        this.credentials = credentials;
    }

    /** Query parameters in the order given (key, value, key, value …): requests stay the same from run to run. */
    static Map<String, String> query(String... keysAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }

    /** Sends a request and returns the full answer whatever its status (execute needs 409's body). */
    HttpResult exchange(String method, String path, Map<String, String> query, RequestBody body, boolean idempotent) {
        return core.execute(method + " " + path, request(method, url(path, query), body), idempotent);
    }

    /** Sends a request and returns its JSON answer; any status other than 2xx becomes a typed error. */
    public JsonNode json(String method, String path, Map<String, String> query, RequestBody body, boolean idempotent) {
        HttpResult result = exchange(method, path, query, body, idempotent);
        String operation = method + " " + path;
        if (!result.isSuccessful()) {
            throw error(operation, result);
        }
        return result.body().isBlank() ? Json.object() : Json.parse(VENDOR, operation, result);
    }

    /** A text answer (a log), cut at {@link HttpCore#MAX_BODY_BYTES} rather than refused ({@link HttpResult#truncated()}). */
    HttpResult text(String path) {
        String operation = "GET " + path;
        HttpResult result = core.executeTruncating(operation, request("GET", url(path, Map.of()), null), true);
        if (!result.isSuccessful()) {
            throw error(operation, result);
        }
        return result;
    }

    /**
     * The headers of a download without its body ({@code HEAD}), asking for it unencoded ({@code Accept-Encoding:
     * identity}) so that its {@code Content-Length} is the file's own length, not a compressed one's.
     */
    HttpResult head(String path) {
        Request request = request("HEAD", url(path, Map.of()), null).newBuilder().header("Accept-Encoding", "identity").build();
        return core.execute("HEAD " + path, request, true);
    }

    /** The instance's URL, which links from the server must stay on. */
    String baseUrl() {
        return base.toString();
    }

    /**
     * Every result of a list, in pages of {@value #PAGE}, following {@code next} links (which may be absent) as long
     * as they stay on the instance, for at most {@link Paging#MAX_PAGES} pages.
     */
    public List<JsonNode> list(String path, Map<String, String> query) {
        String operation = "GET " + path;
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("limit", String.valueOf(PAGE));
        List<JsonNode> all = new ArrayList<>();
        HttpUrl next = url(path, paged);
        for (int page = 1; next != null; page++) {
            Paging.beforePage(VENDOR, operation, page, PAGE);
            HttpResult result = core.execute(operation, request("GET", next, null), true);
            if (!result.isSuccessful()) {
                throw error(operation, result);
            }
            JsonNode answer = Json.parse(VENDOR, operation, result);
            answer.path("results").forEach(all::add);
            String link = answer.path("next").asText(null);
            next = link == null || link.isBlank() ? null : onInstance(operation, link);
        }
        return all;
    }

    /** A {@code next} link, followed (with the credentials) only on the instance's scheme, host and port. */
    private HttpUrl onInstance(String operation, String link) {
        HttpUrl url = base.resolve(link);
        if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equals(base.host()) || url.port() != base.port()) {
            throw new MalformedResponseException(VENDOR, operation, 200, "the next page is not on this KE-chain instance ('"
                    + (url == null ? "not a URL" : url.scheme() + "://" + url.host() + ":" + url.port())
                    + "'); it was not requested, so that the credentials go nowhere else");
        }
        return url;
    }

    /**
     * One object found by a filter, as pykechain does it: {@code limit=2}, none is not found, two means the filter is
     * ambiguous.
     *
     * @param what names the object and the filter for messages, e.g. {@code service 'Build' in scope 'Bike'}
     */
    public JsonNode single(String path, Map<String, String> query, String field, String what) {
        Map<String, String> limited = new LinkedHashMap<>(query);
        limited.put("limit", "2");
        JsonNode results = json("GET", path, limited, null, true).path("results");
        if (results.size() == 0) {
            throw new NotFoundException(VENDOR, "GET " + path, 0, "no " + what);
        }
        if (results.size() > 1) {
            throw new ValidationException(VENDOR, "GET " + path, 0, field, "several objects match " + what + "; name it by id");
        }
        return results.get(0);
    }

    /** The single object of a {@code {"results":[obj]}} answer. */
    static JsonNode first(String operation, JsonNode answer) {
        JsonNode result = answer.path("results").path(0);
        if (result.isMissingNode()) {
            throw new MalformedResponseException(VENDOR, operation, 0, "the answer has no results");
        }
        return result;
    }

    HttpUrl url(String path, Map<String, String> query) {
        HttpUrl resolved = base.resolve(path);
        if (resolved == null) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        HttpUrl.Builder url = resolved.newBuilder();
        query.forEach(url::addQueryParameter);
        return url.build();
    }

    private Request request(String method, HttpUrl url, RequestBody body) {
        boolean bodiless = method.equals("GET") || method.equals("HEAD") || method.equals("DELETE");
        RequestBody sent = body != null || bodiless ? body : RequestBody.create(new byte[0]);
        return new Request.Builder().url(url)
                .header("Authorization", credentials.authorization())
                .header("X-Requested-With", "XMLHttpRequest")
                .method(method, sent)
                .build();
    }

    static BoardException error(String operation, HttpResult result) {
        if (result.status() == 413) {
            return ApiException.tooLarge(VENDOR, operation);
        }
        if (result.looksLikeHtml()) {
            Json.parse(VENDOR, operation, result);
        }
        String detail = detail(result);
        return switch (result.status()) {
            case 401, 403 -> new AuthenticationException(VENDOR, operation, result.status(),
                    "KE-chain refused the request (" + detail + "): check the token or user name and password, and the account's rights");
            case 404 -> new NotFoundException(VENDOR, operation, 404, detail);
            case 400 -> new ValidationException(VENDOR, operation, 400, null, detail);
            default -> new ApiException(VENDOR, operation, result.status(), detail);
        };
    }

    /** KE-chain's message: {@code results[0]} as text or its {@code detail}, or a field error list. */
    private static String detail(HttpResult result) {
        JsonNode answer = Json.parseLenient(result.body());
        if (answer == null) {
            return result.body().isBlank() ? "KE-chain answered " + result.status() : result.body().strip();
        }
        JsonNode first = answer.path("results").path(0);
        if (first.isTextual()) {
            return first.asText();
        }
        if (first.has("detail")) {
            return first.get("detail").asText();
        }
        return first.isMissingNode() ? answer.toString() : first.toString();
    }
}
