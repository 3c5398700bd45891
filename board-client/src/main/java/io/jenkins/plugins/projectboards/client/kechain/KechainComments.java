package io.jenkins.plugins.projectboards.client.kechain;

import java.util.List;
import java.util.Map;
import okhttp3.FormBody;

/**
 * KE-chain has no comments: a notification (form-encoded, status {@code READY} so it is sent) to the activity's
 * assignees, or to the signed-in user when it has none, is its way to tell people about a card.
 */
public final class KechainComments {
    private final KechainTransport transport;

    KechainComments(KechainTransport transport) {
        this.transport = transport;
    }

    /** @return the notification's id */
    public String notify(String subject, String message, List<String> recipientUserIds, String fromUserId) {
        FormBody.Builder form = new FormBody.Builder()
                .add("status", "READY")
                .add("subject", subject)
                .add("message", message);
        recipientUserIds.forEach(id -> form.add("recipient_users", id));
        form.add("from_user", fromUserId).add("channels", "EMAIL");
        return KechainTransport.first("POST notification",
                transport.json("POST", "api/v3/notifications.json", Map.of(), form.build(), false)).path("id").asText();
    }
}
