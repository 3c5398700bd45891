package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Issue 16: the endpoint's path names the connection and, for Projectplace, may carry the webhook secret in its last
 * segment (whether Projectplace keeps a registered URL's query is not documented).
 */
public class WebhookPathTest {
    private static final String SECRET = "hook-s3cret-0123456789";
    private static final WebhookDelivery NOTHING_ELSE = new WebhookDelivery(Map.of(), Map.of(), null);

    @Test
    public void thePathNamesTheConnectionAndMaybeASecret() {
        assertEquals(new WebhookPath("pp", null), WebhookPath.of("/pp"));
        assertEquals(new WebhookPath("pp", null), WebhookPath.of("/pp/"));
        assertEquals(new WebhookPath("pp", SECRET), WebhookPath.of("/pp/" + SECRET));
        assertEquals("segments are percent-decoded", new WebhookPath("pp", "a b/c"), WebhookPath.of("/pp/a%20b%2Fc"));
        assertEquals("more segments present a secret no connection has", new WebhookPath("pp", ""), WebhookPath.of("/pp/a/b"));
        assertEquals(new WebhookPath("", null), WebhookPath.of(""));
        assertEquals(new WebhookPath("", null), WebhookPath.of(null));
        assertEquals("WebhookPath[pp/…]", WebhookPath.of("/pp/" + SECRET).toString());
    }

    @Test
    public void aSecretInThePathProvesAProjectplaceDelivery() {
        WebhookIntake.prove(Vendor.PROJECTPLACE, NOTHING_ELSE, SECRET, SECRET);
        WebhookIntake.Rejected wrong = assertThrows(WebhookIntake.Rejected.class,
                () -> WebhookIntake.prove(Vendor.PROJECTPLACE, new WebhookDelivery(Map.of(), Map.of("token", List.of(SECRET)), null),
                        "guess", SECRET));
        assertEquals("the path's secret is the one presented, not the query's", 403, wrong.status());
        assertFalse(wrong.getMessage().contains(SECRET));
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> WebhookIntake.prove(Vendor.PROJECTPLACE, NOTHING_ELSE, "", SECRET)).status());
    }

    @Test
    public void aSecretInThePathProvesNothingForOtherVendors() {
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class, () -> WebhookIntake.prove(Vendor.KANBOARD,
                new WebhookDelivery(Map.of(), Map.of("token", List.of(SECRET)), null), SECRET, SECRET)).status());
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class, () -> WebhookIntake.prove(Vendor.PLANKA,
                new WebhookDelivery(Map.of("Authorization", "Bearer " + SECRET), Map.of(), null), SECRET, SECRET)).status());
        assertEquals(403, assertThrows(WebhookIntake.Rejected.class,
                () -> WebhookIntake.prove(null, NOTHING_ELSE, SECRET, SECRET)).status());
    }
}
