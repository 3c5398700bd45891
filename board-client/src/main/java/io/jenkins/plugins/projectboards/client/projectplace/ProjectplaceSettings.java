package io.jenkins.plugins.projectboards.client.projectplace;

import java.time.Duration;

/**
 * The Projectplace facts that are inferred rather than verified, kept adjustable (see docs/projectplace.md).
 *
 * @param tokenUrl the OAuth2 token endpoint; {@code null} means {@code <base>/oauth2/access_token}
 * @param apiPrefix the path prefix of the version-1 API: {@code 1} on {@code api.projectplace.com}; {@code api/v1} is
 *     the same API on the web application's host
 * @param webUrl where card links point when a card has no {@code direct_url}
 * @param tokenMargin how long before its expiry a token is renewed
 * @param defaultTokenLifetime used when the token answer has neither {@code expires} nor {@code expires_in}
 */
public record ProjectplaceSettings(
        String tokenUrl, String apiPrefix, String webUrl, Duration tokenMargin, Duration defaultTokenLifetime) {

    public static final String DEFAULT_URL = "https://api.projectplace.com";

    public static ProjectplaceSettings defaults() {
        return new ProjectplaceSettings(null, "1", "https://service.projectplace.com", Duration.ofMinutes(5), Duration.ofDays(30));
    }
}
