package io.jenkins.plugins.projectboards.client;

import java.util.List;

/**
 * A webhook registered at a vendor.
 *
 * @param created {@code false} when an identical subscription already existed and was reused
 */
public record WebhookSubscription(String id, String url, List<String> events, String boardId, boolean created) {

    public WebhookSubscription {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
