package io.jenkins.plugins.projectboards.client.kanboard;

import io.jenkins.plugins.projectboards.client.Secrets;

/**
 * How Jenkins signs in to Kanboard; both modes are HTTP Basic on every request.
 *
 * <p>{@link ApplicationToken}: the application API token as the password of the fixed user {@code jsonrpc}. It may
 * do everything, skips project permissions, but is nobody: comments need a {@code commentUser} to be written as.
 * {@link User}: a Kanboard user with its password or personal access token; project permissions apply and
 * comments are written as that user.
 */
public sealed interface KanboardCredentials {

    String basicUser();

    String basicSecret();

    static KanboardCredentials applicationToken(String token, String commentUser) {
        return new ApplicationToken(token, commentUser);
    }

    static KanboardCredentials user(String username, String passwordOrToken) {
        return new User(username, passwordOrToken);
    }

    /** @param commentUser user name or id that comments are attributed to; {@code null} when comments are not used */
    record ApplicationToken(String token, String commentUser) implements KanboardCredentials {
        @Override
        public String basicUser() {
            return "jsonrpc";
        }

        @Override
        public String basicSecret() {
            return token;
        }

        @Override
        public String toString() {
            return "ApplicationToken[token=" + Secrets.mask(token) + ", commentUser=" + commentUser + "]";
        }
    }

    record User(String username, String passwordOrToken) implements KanboardCredentials {
        @Override
        public String basicUser() {
            return username;
        }

        @Override
        public String basicSecret() {
            return passwordOrToken;
        }

        @Override
        public String toString() {
            return "User[username=" + username + ", password=" + Secrets.mask(passwordOrToken) + "]";
        }
    }
}
