package io.jenkins.plugins.projectboards.client.projectplace;

import java.util.List;

/**
 * A webhook subscription; its id is a 24-character hex string. The URL carries the receiver's token in its query
 * (Projectplace cannot sign deliveries), so {@link #toString()} leaves the query out.
 */
public record ProjectplaceWebhook(String id, String artifactId, List<String> eventTypes, String url) {

    @Override
    public String toString() {
        int query = url == null ? -1 : url.indexOf('?');
        return "ProjectplaceWebhook[id=" + id + ", board=" + artifactId + ", events=" + eventTypes + ", url="
                + (query < 0 ? url : url.substring(0, query) + "?…") + "]";
    }
}
