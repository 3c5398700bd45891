package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.NotSupportedException;
import io.jenkins.plugins.projectboards.client.Vendor;

/** KE-chain has no webhook API that this library knows of: every webhook operation says so by name. */
public final class KechainWebhooks {

    public NotSupportedException unsupported(String operation) {
        return new NotSupportedException(Vendor.KECHAIN, operation,
                "KE-chain has no webhooks this plugin can register or receive; start builds from KE-chain another way"
                        + " (for example a service that calls Jenkins' remote build trigger)");
    }
}
