package io.jenkins.plugins.projectboards.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Small helpers for handling secrets without leaking them through timing or text. */
public final class Secrets {
    private Secrets() {}

    /** Compares in time that does not depend on where the two differ; {@code null} never matches. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** What a {@code toString} shows in place of a secret. */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "****";
    }
}
