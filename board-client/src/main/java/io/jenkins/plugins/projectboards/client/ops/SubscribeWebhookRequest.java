package io.jenkins.plugins.projectboards.client.ops;

import java.util.List;

/**
 * The arguments of the {@code subscribeWebhook} step.
 *
 * @param board board name or id; the connection's default board when blank
 * @param url where the vendor delivers events
 * @param events the vendor's event names; empty means the vendor's default set
 * @param secret what deliveries must carry to prove they come from the vendor; may be {@code null}
 */
public record SubscribeWebhookRequest(String board, String url, List<String> events, String secret, boolean dryRun) {

    public SubscribeWebhookRequest {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "SubscribeWebhookRequest[board=" + board + ", url=" + url + ", events=" + events + ", dryRun=" + dryRun + "]";
    }
}
