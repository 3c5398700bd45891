package io.jenkins.plugins.projectboards.client.projectplace;

import io.jenkins.plugins.projectboards.client.Secrets;

/**
 * A Projectplace robot account's OAuth2 client id and secret (client credentials flow). Robots are account-wide
 * super users created by the account owner under Account administration → Integration settings.
 */
public record ProjectplaceCredentials(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "ProjectplaceCredentials[clientId=" + clientId + ", clientSecret=" + Secrets.mask(clientSecret) + "]";
    }
}
