package io.jenkins.plugins.projectboards.client.projectplace;

import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import java.time.Duration;

/**
 * The Projectplace facts that are inferred rather than verified, kept adjustable (see docs/projectplace.md).
 *
 * @param tokenUrl the OAuth2 token endpoint; {@code null} means {@code <base>/oauth2/access_token}
 * @param apiPrefix the path prefix of the version-1 API: {@code 1} on {@code api.projectplace.com}; {@code api/v1} is
 *     the same API on the web application's host. The version-2 prefix is derived from it ({@link #v2Prefix()}).
 * @param webUrl where card links point when a card has no {@code direct_url}
 * @param tokenMargin how long before its expiry a token is renewed
 * @param defaultTokenLifetime used when the token answer has neither {@code expires} nor {@code expires_in}
 */
public record ProjectplaceSettings(
        String tokenUrl, String apiPrefix, String webUrl, Duration tokenMargin, Duration defaultTokenLifetime) {

    public static final String DEFAULT_URL = "https://api.projectplace.com";

    /**
     * Refuses a prefix that does not end in the version-1 segment ({@code 1} or {@code v1}): the version-2 prefix is
     * made from it, and a guess would send the workspace listing elsewhere.
     */
    public ProjectplaceSettings {
        apiPrefix = apiPrefix == null ? "" : apiPrefix.strip().replaceAll("^/+|/+$", "");
        String version = apiPrefix.substring(apiPrefix.lastIndexOf('/') + 1);
        if (!version.equals("1") && !version.equals("v1")) {
            throw new ConfigurationException(Vendor.PROJECTPLACE, "settings", 0, "apiPrefix '" + apiPrefix
                    + "' does not name the version-1 API: its last segment must be '1' (api.projectplace.com) or 'v1'"
                    + " (the web application's api/v1)");
        }
    }

    public static ProjectplaceSettings defaults() {
        return new ProjectplaceSettings(null, "1", "https://service.projectplace.com", Duration.ofMinutes(5), Duration.ofDays(30));
    }

    /**
     * The version-2 API's prefix, beside the version-1 one: {@code 2} for {@code 1} ({@code api.projectplace.com}),
     * {@code api/v2} for {@code api/v1} (the web application, where the Power Automate connector reads
     * {@code /api/v2/board/{id}/cards}).
     */
    public String v2Prefix() {
        return apiPrefix.substring(0, apiPrefix.length() - 1) + "2";
    }
}
