package io.jenkins.plugins.projectboards.client.webhook;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * What the endpoint's path below {@link WebhookTarget#ENDPOINT} says: {@code /<connection>}, or
 * {@code /<connection>/<secret>}, the secret in a path segment for a board that drops the query its registered URL
 * had (Projectplace documents neither way; docs/projectplace.md). {@link #toString()} never shows the secret, so the
 * path can be logged by its connection.
 *
 * @param connection the connection's name; empty when the path names none
 * @param secret the secret the path presents, or {@code null}; a path with more segments presents an empty one (no
 *     connection's secret, so it is refused like a wrong one)
 */
public record WebhookPath(String connection, String secret) {

    /**
     * Reads the rest of the path as the request line has it (percent-encoded, e.g. Stapler's
     * {@code getOriginalRestOfPath()}), so that an encoded {@code /} in a secret cannot split it.
     */
    public static WebhookPath of(String rawRestOfPath) {
        HttpUrl url = rawRestOfPath == null ? null : HttpUrl.parse("http://path.invalid/" + rawRestOfPath.replaceFirst("^/+", ""));
        List<String> segments = url == null ? List.of()
                : url.pathSegments().stream().filter(segment -> !segment.isEmpty()).toList();
        return switch (segments.size()) {
            case 0 -> new WebhookPath("", null);
            case 1 -> new WebhookPath(segments.get(0), null);
            case 2 -> new WebhookPath(segments.get(0), segments.get(1));
            default -> new WebhookPath(segments.get(0), "");
        };
    }

    @Override
    public String toString() {
        return "WebhookPath[" + connection + (secret == null ? "" : "/…") + "]";
    }
}
