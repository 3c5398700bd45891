package io.jenkins.plugins.projectboards.client.webhook;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;

/**
 * What an inbound webhook endpoint does with a delivery before anything else: size limit, proof of origin, parsing.
 * A delivery that fails is {@link Rejected} with the HTTP status to answer; the reason is for the log only, never
 * for the answer (it must not help a caller guess).
 */
public final class WebhookIntake {
    /** Vendors' deliveries are a few kilobytes; anything near this is not one. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private WebhookIntake() {}

    /** A delivery refused: the status to answer with, and the reason to log. */
    public static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public Rejected(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The delivery's event, once it proved to come from the vendor.
     *
     * @param secret the connection's webhook secret; without one every delivery is refused
     * @throws Rejected 403 without a secret or with a wrong one, 400 when the body is not the vendor's delivery,
     *     404 when the vendor has no webhooks (KE-chain)
     */
    public static BoardEvent accept(BoardClient client, WebhookDelivery delivery, String secret) {
        if (delivery.body().length() > MAX_BODY_BYTES) {
            throw new Rejected(413, "body of " + delivery.body().length() + " characters exceeds " + MAX_BODY_BYTES);
        }
        try {
            if (secret == null || secret.isEmpty()) {
                throw new Rejected(403, "the connection has no webhook secret configured; every delivery is refused");
            }
            if (!client.verifyWebhook(delivery, secret)) {
                throw new Rejected(403, "the delivery does not carry the connection's webhook secret");
            }
            return client.parseWebhook(delivery);
        } catch (NotSupportedException e) {
            throw new Rejected(404, e.getMessage());
        } catch (BoardException e) {
            throw new Rejected(400, e.getMessage());
        }
    }
}
