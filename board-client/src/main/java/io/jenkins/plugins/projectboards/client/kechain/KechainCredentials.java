package io.jenkins.plugins.projectboards.client.kechain;

import io.jenkins.plugins.projectboards.client.Secrets;

/** How Jenkins signs in to KE-chain: a user's API token ({@code Authorization: Token …}), or user name and password. */
public sealed interface KechainCredentials {

    /** The {@code Authorization} header value. */
    String authorization();

    static KechainCredentials token(String token) {
        return new Token(token);
    }

    static KechainCredentials basic(String username, String password) {
        return new Basic(username, password);
    }

    record Token(String token) implements KechainCredentials {
        @Override
        public String authorization() {
            return "Token " + token;
        }

        @Override
        public String toString() {
            return "Token[" + Secrets.mask(token) + "]";
        }
    }

    record Basic(String username, String password) implements KechainCredentials {
        @Override
        public String authorization() {
            return okhttp3.Credentials.basic(username, password);
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=" + Secrets.mask(password) + "]";
        }
    }
}
