package io.jenkins.plugins.projectboards.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * One inbound webhook request as the endpoint received it. Header names are matched ignoring case.
 *
 * @param query the query parameters (Kanboard proves a delivery with {@code ?token=})
 */
public record WebhookDelivery(Map<String, String> headers, Map<String, List<String>> query, String body) {
    /** Vendors' deliveries are a few kilobytes; anything near this is not one. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    public WebhookDelivery {
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        folded.putAll(headers == null ? Map.of() : headers);
        headers = java.util.Collections.unmodifiableMap(folded);
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? "" : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The parameters of a raw query string ({@code token=a&x=b}, percent-encoded), read from the request line only:
     * a servlet's parameter map would read a form-encoded body, before the delivery proved anything.
     */
    public static Map<String, List<String>> queryOf(String rawQuery) {
        HttpUrl url = rawQuery == null ? null : HttpUrl.parse("http://query.invalid/?" + rawQuery);
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        if (url != null) {
            for (String name : url.queryParameterNames()) {
                query.put(name, url.queryParameterValues(name).stream().map(value -> value == null ? "" : value).toList());
            }
        }
        return query;
    }

    /** No header or body in the string form: they may carry the webhook secret. */
    @Override
    public String toString() {
        return "WebhookDelivery[" + body.length() + " bytes]";
    }
}
