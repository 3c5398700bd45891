package io.jenkins.plugins.projectboards.client.projectplace;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * A webhook subscription; its id is a 24-character hex string. The URL carries the receiver's secret (Projectplace
 * cannot sign deliveries), in its query or its path, so {@link #toString()} shows only the URL's origin.
 */
public record ProjectplaceWebhook(String id, String artifactType, String artifactId, List<String> eventTypes, String url) {

    @Override
    public String toString() {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return "ProjectplaceWebhook[id=" + id + ", " + artifactType + "=" + artifactId + ", events=" + eventTypes + ", url="
                + (parsed == null ? "(not a URL)" : parsed.resolve("/") + "…") + "]";
    }
}
