package io.jenkins.plugins.projectboards.client.planka;

import io.jenkins.plugins.projectboards.client.Secrets;

/**
 * How Jenkins signs in to Planka: an API key ({@code X-Api-Key}, no terms flow), or a user's e-mail or user name
 * and password, exchanged once for an access token that is reused until Planka refuses it.
 */
public sealed interface PlankaCredentials {

    static PlankaCredentials apiKey(String key) {
        return new ApiKey(key);
    }

    static PlankaCredentials password(String emailOrUsername, String password) {
        return new Password(emailOrUsername, password);
    }

    record ApiKey(String key) implements PlankaCredentials {
        @Override
        public String toString() {
            return "ApiKey[" + Secrets.mask(key) + "]";
        }
    }

    record Password(String emailOrUsername, String password) implements PlankaCredentials {
        @Override
        public String toString() {
            return "Password[emailOrUsername=" + emailOrUsername + ", password=" + Secrets.mask(password) + "]";
        }
    }
}
