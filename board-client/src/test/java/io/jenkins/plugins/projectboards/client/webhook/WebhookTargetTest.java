package io.jenkins.plugins.projectboards.client.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import org.junit.Test;

/** A subscription carries the webhook secret, so it may only name this Jenkins' endpoint for its connection. */
public class WebhookTargetTest {

    @Test
    public void theEndpointIsTheJenkinsUrlPlusThePathAndTheConnection() {
        assertEquals("https://ci.example/project-boards-webhook/planka",
                WebhookTarget.target(Vendor.PLANKA, "planka", null, null, "https://ci.example/"));
        assertEquals("https://ci.example/jenkins/project-boards-webhook/planka",
                WebhookTarget.target(Vendor.PLANKA, "planka", "", null, "https://ci.example/jenkins"));
        assertEquals("the same URL written differently is the same endpoint", "https://ci.example/project-boards-webhook/planka",
                WebhookTarget.target(Vendor.PLANKA, "planka", "HTTPS://CI.example:443/project-boards-webhook/planka", null, "https://ci.example/"));
    }

    @Test
    public void anAdministratorsPublicUrlReplacesTheJenkinsUrl() {
        assertEquals("https://hooks.example/pb/planka",
                WebhookTarget.target(Vendor.PLANKA, "planka", null, " https://hooks.example/pb/planka ", "http://10.0.0.5:8080/"));
        assertEquals("https://hooks.example/pb/planka",
                WebhookTarget.target(Vendor.PLANKA, "planka", "https://hooks.example/pb/planka", "https://hooks.example/pb/planka", null));
    }

    @Test
    public void anyOtherUrlIsRefusedNamingTheOnlyOneAllowed() {
        for (String evil : new String[] {"https://evil.example/", "https://ci.example/project-boards-webhook/other",
                "https://ci.example/project-boards-webhook/planka?x=1", "https://ci.example.evil/project-boards-webhook/planka",
                "http://ci.example/project-boards-webhook/planka", "https://user@ci.example/project-boards-webhook/planka", "ftp://x/"}) {
            ValidationException e = assertThrows(evil, ValidationException.class,
                    () -> WebhookTarget.target(Vendor.PLANKA, "planka", evil, null, "https://ci.example/"));
            assertEquals("url", e.field());
            assertTrue(e.getMessage(), e.getMessage().contains("only deliver to this Jenkins' endpoint for that connection,"
                    + " https://ci.example/project-boards-webhook/planka"));
            assertTrue(e.getMessage(), e.getMessage().contains("Planka"));
        }
    }

    @Test
    public void withoutAJenkinsUrlOrWithABadPublicUrlNothingIsRegistered() {
        ValidationException noRoot = assertThrows(ValidationException.class,
                () -> WebhookTarget.target(Vendor.PROJECTPLACE, "pp", null, null, null));
        assertEquals("url", noRoot.field());
        assertTrue(noRoot.getMessage(), noRoot.getMessage().contains("Jenkins URL is not configured"));
        ValidationException badPublic = assertThrows(ValidationException.class,
                () -> WebhookTarget.target(Vendor.PLANKA, "planka", null, "javascript:alert(1)", "https://ci.example/"));
        assertTrue(badPublic.getMessage(), badPublic.getMessage().contains("public webhook URL is not an http(s) URL"));
    }
}
