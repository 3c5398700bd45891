package io.jenkins.plugins.projectboards.client.webhook;

import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardWebhooks;
import io.jenkins.plugins.projectboards.client.planka.PlankaWebhooks;
import io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceWebhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * What an inbound webhook endpoint does with a delivery, in this order: {@link #prove} the secret, which every vendor
 * sends in a header (Planka) or the query ({@code ?token=}, Kanboard and Projectplace; Projectplace's may instead be
 * the path's last segment, {@link WebhookPath}), so before the body is read;
 * then read at most {@link #MAX_BODY_BYTES} and {@link #parse} it. No vendor signs the body (an HMAC would need the
 * body read, bounded, before the proof). A delivery that fails is {@link Rejected} with the HTTP status to answer;
 * the reason is for the log only, never for the answer (it must not help a caller guess).
 */
public final class WebhookIntake {
    /** The most an endpoint reads of a delivery: what a delivery may have ({@link WebhookDelivery#MAX_BODY_BYTES}). */
    public static final int MAX_BODY_BYTES = WebhookDelivery.MAX_BODY_BYTES;

    /**
     * What an unknown connection, or one without a secret, is compared against: the same work, never a match. Its value
     * hardly matters (a delivery compared with it is refused whatever the result); a random UUID keeps it unguessable.
     */
    private static final String DECOY = UUID.randomUUID().toString();

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
     * Checks the secret a delivery presents in its headers, query or path, in time that depends neither on the
     * secret, nor on what was presented, nor on whether the connection exists. A secret in the path counts for
     * Projectplace only (it replaces the query's there); with any other vendor it presents nothing, as such a path
     * did before it was read.
     *
     * @param vendor the connection's vendor; null for an unknown connection
     * @param pathSecret the secret the endpoint's path presents ({@link WebhookPath#secret()}), or null
     * @param secret the connection's webhook secret; null or empty when it has none (every delivery is refused)
     * @throws Rejected 403, the same for every reason
     */
    public static void prove(Vendor vendor, WebhookDelivery delivery, String pathSecret, String secret) {
        String presented = pathSecret != null ? (vendor == Vendor.PROJECTPLACE ? pathSecret : null)
                : vendor == null ? PlankaWebhooks.presentedToken(delivery) : switch (vendor) {
                    case PLANKA -> PlankaWebhooks.presentedToken(delivery);
                    case KANBOARD -> KanboardWebhooks.presentedToken(delivery);
                    case PROJECTPLACE -> ProjectplaceWebhooks.presentedToken(delivery);
                    case KECHAIN -> null;
                };
        boolean usable = vendor != null && vendor != Vendor.KECHAIN && secret != null && !secret.isEmpty();
        boolean equal = MessageDigest.isEqual(sha256(usable ? secret : DECOY), sha256(presented == null ? "" : presented));
        if (!usable || !equal) {
            throw new Rejected(403, vendor == null ? "no such connection"
                    : vendor == Vendor.KECHAIN ? "KE-chain has no webhooks"
                    : !usable ? "the connection has no webhook secret configured; every delivery is refused"
                    : "the delivery does not carry the connection's webhook secret");
        }
    }

    /**
     * The event of a proven delivery.
     *
     * @throws Rejected 400 when the body is not the vendor's delivery, 413 when it is too long, 404 when the vendor has
     *     no webhooks (KE-chain)
     */
    public static BoardEvent parse(BoardClient client, WebhookDelivery delivery) {
        if (delivery.body().length() > MAX_BODY_BYTES) {
            throw new Rejected(413, "body of " + delivery.body().length() + " characters exceeds " + MAX_BODY_BYTES);
        }
        try {
            return client.parseWebhook(delivery);
        } catch (NotSupportedException e) {
            throw new Rejected(404, e.getMessage());
        } catch (BoardException e) {
            throw new Rejected(400, e.getMessage());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
