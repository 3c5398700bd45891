package io.jenkins.plugins.projectboards.client.testing;

import java.util.Map;
import java.util.Optional;

/**
 * The addresses and credentials of the real Kanboard and Planka the {@code *RigTest}s use, read from the same
 * environment variables (CONTRIBUTING.md, "Tests against real servers"). Empty when a variable is missing, so a
 * benchmark can skip its real-server part cleanly. Secrets are only ever handed to a client, never printed.
 */
public final class RigServers {
    private RigServers() {}

    /** Kanboard: {@code KANBOARD_JSONRPC_URL}, {@code KANBOARD_API_TOKEN}, {@code KANBOARD_ADMIN_USER}, {@code KANBOARD_ADMIN_PASSWORD}. */
    public record Kanboard(String jsonRpcUrl, String apiToken, String adminUser, String adminPassword) {
        @Override
        public String toString() {
            return "Kanboard[" + jsonRpcUrl + "]";
        }
    }

    /** Planka: {@code PLANKA_URL} and {@code PLANKA_API_KEY}. */
    public record Planka(String url, String apiKey) {
        @Override
        public String toString() {
            return "Planka[" + url + "]";
        }
    }

    public static Optional<Kanboard> kanboard() {
        return kanboard(System.getenv());
    }

    public static Optional<Planka> planka() {
        return planka(System.getenv());
    }

    static Optional<Kanboard> kanboard(Map<String, String> env) {
        if (!allSet(env, "KANBOARD_JSONRPC_URL", "KANBOARD_API_TOKEN", "KANBOARD_ADMIN_USER", "KANBOARD_ADMIN_PASSWORD")) {
            return Optional.empty();
        }
        return Optional.of(new Kanboard(env.get("KANBOARD_JSONRPC_URL"), env.get("KANBOARD_API_TOKEN"),
                env.get("KANBOARD_ADMIN_USER"), env.get("KANBOARD_ADMIN_PASSWORD")));
    }

    static Optional<Planka> planka(Map<String, String> env) {
        if (!allSet(env, "PLANKA_URL", "PLANKA_API_KEY")) {
            return Optional.empty();
        }
        return Optional.of(new Planka(env.get("PLANKA_URL"), env.get("PLANKA_API_KEY")));
    }

    private static boolean allSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
