package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code subscribeWebhook} did.
 *
 * @param subscription the subscription; in a dry run that would create one, a preview with no id
 */
public record SubscribeWebhookResult(Vendor vendor, BoardRef board, WebhookSubscription subscription, boolean dryRun) {

    /** Plain strings, booleans and a list of strings, so a sandboxed Pipeline can read every value. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("vendor", vendor.displayName());
        map.put("id", subscription.id());
        map.put("url", subscription.url());
        map.put("events", new ArrayList<>(subscription.events()));
        map.put("board", board.name());
        map.put("created", subscription.created());
        map.put("dryRun", dryRun);
        return map;
    }
}
