package io.jenkins.plugins.projectboards.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One inbound webhook request as the endpoint received it. Header names are matched ignoring case.
 *
 * @param query the query parameters (Kanboard proves a delivery with {@code ?token=})
 */
public record WebhookDelivery(Map<String, String> headers, Map<String, List<String>> query, String body) {

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

    /** No header or body in the string form: they may carry the webhook secret. */
    @Override
    public String toString() {
        return "WebhookDelivery[" + body.length() + " bytes]";
    }
}
