package io.jenkins.plugins.projectboards.client.http;

import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.ConnectionSettings;
import io.jenkins.plugins.projectboards.client.Vendor;
import okhttp3.HttpUrl;

/** A connection's URL as every client keeps it: checked once, without a trailing slash. */
public final class BaseUrl {
    private BaseUrl() {}

    /**
     * @throws ConfigurationException naming the vendor and the field when {@code url} is not an http(s) URL (the URL
     *     shown without user info)
     */
    public static String normalize(Vendor vendor, String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new ConfigurationException(vendor, "connect", 0, "'url' is not an http(s) URL: '"
                    + ConnectionSettings.redact(url) + "'");
        }
        return parsed.toString().replaceAll("/+$", "");
    }
}
