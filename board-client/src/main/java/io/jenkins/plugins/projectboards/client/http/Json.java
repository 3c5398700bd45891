package io.jenkins.plugins.projectboards.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.Texts;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** The library's one Jackson setup and the checks every vendor applies before it trusts an answer. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private static final Pattern HTML_TITLE = Pattern.compile("<title>([^<]{0,120})</title>", Pattern.CASE_INSENSITIVE);
    private static final int EXCERPT = 120;

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static RequestBody body(JsonNode node) {
        return RequestBody.create(node.toString(), JSON_TYPE);
    }

    /**
     * Reads an answer's body as JSON. An HTML page (a proxy, a login page, a wrong URL) or any other text gets a
     * message that says what arrived instead, so the user can see the URL is wrong rather than a parser error.
     */
    public static JsonNode parse(Vendor vendor, String operation, HttpResult result) {
        if (result.looksLikeHtml()) {
            Matcher title = HTML_TITLE.matcher(result.body());
            throw new MalformedResponseException(vendor, operation, result.status(),
                    "expected JSON but received an HTML page" + (title.find() ? " titled '" + title.group(1).trim() + "'" : "")
                            + "; check that the URL points at the vendor's API");
        }
        return read(vendor, operation, result.status(), result.body());
    }

    /**
     * Reads a webhook delivery's body as JSON, refusing unread one longer than {@link WebhookDelivery#MAX_BODY_BYTES}
     * characters. A delivery is not an answer to a call: its errors carry no HTTP status.
     */
    public static JsonNode parseDelivery(Vendor vendor, String operation, WebhookDelivery delivery) {
        String body = delivery.body();
        if (body.length() > WebhookDelivery.MAX_BODY_BYTES) {
            throw new MalformedResponseException(vendor, operation, 0, "a body of " + body.length()
                    + " characters is longer than a delivery may be (" + WebhookDelivery.MAX_BODY_BYTES + ")");
        }
        return read(vendor, operation, 0, body);
    }

    private static JsonNode read(Vendor vendor, String operation, int status, String body) {
        if (body.isBlank()) {
            throw new MalformedResponseException(vendor, operation, status, "expected JSON but the body was empty");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(vendor, operation, status, "expected JSON but received: " + excerpt(body));
        }
    }

    /** Reads a JSON answer when there is one; {@code null} for an empty body, HTML or other text (error paths). */
    public static JsonNode parseLenient(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return "'" + Texts.cut(flat, EXCERPT) + "'";
    }

    /** A required field of an answer, or a typed error naming it. */
    public static JsonNode require(Vendor vendor, String operation, JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedResponseException(vendor, operation, 0, "the answer has no '" + field + "'");
        }
        return value;
    }

    /** A text field, {@code null} when absent or JSON null (numbers are returned as their decimal text). */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
