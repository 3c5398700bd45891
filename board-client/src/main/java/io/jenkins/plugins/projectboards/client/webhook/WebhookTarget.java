package io.jenkins.plugins.projectboards.client.webhook;

import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import okhttp3.HttpUrl;

/**
 * Where {@code subscribeWebhook} may register a connection's webhook: only that connection's own endpoint on this
 * Jenkins, because the registration carries the connection's webhook secret. Anything else would hand the secret,
 * and every board event, to whoever owns the other address.
 */
public final class WebhookTarget {
    /** The path under the Jenkins URL where board webhooks are delivered, one sub-path per connection. */
    public static final String ENDPOINT = "project-boards-webhook";

    private WebhookTarget() {}

    /**
     * The one URL a subscription for {@code connection} may name.
     *
     * @param publicUrl the connection's public webhook URL (set by an administrator when the board reaches Jenkins
     *     through another address, e.g. a reverse proxy); blank for the default
     * @param rootUrl Jenkins' own URL ({@code Jenkins.getRootUrl()}), with or without a trailing slash; may be null
     * @throws ValidationException (field {@code url}) when neither gives an http(s) URL
     */
    private static String expected(Vendor vendor, String connection, String publicUrl, String rootUrl) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return httpUrl(vendor, publicUrl.strip(), "the connection's public webhook URL").toString();
        }
        if (rootUrl == null || rootUrl.isBlank()) {
            throw refused(vendor, "the Jenkins URL is not configured (Manage Jenkins → System → Jenkins Location), so this"
                    + " Jenkins' webhook endpoint for connection '" + connection + "' is unknown; set it, or the connection's"
                    + " public webhook URL");
        }
        HttpUrl root = httpUrl(vendor, rootUrl.strip(), "the Jenkins URL");
        return root.newBuilder().query(null).addPathSegment(ENDPOINT).addPathSegment(connection).build().toString();
    }

    /**
     * The URL to register: {@code requested} when it is the expected one (scheme and host ignoring case, default
     * port, percent-encoding normalised), the expected one when nothing was requested.
     *
     * @throws ValidationException (field {@code url}) naming the only URL allowed, when {@code requested} is another
     */
    public static String target(Vendor vendor, String connection, String requested, String publicUrl, String rootUrl) {
        String expected = expected(vendor, connection, publicUrl, rootUrl);
        if (requested == null || requested.isBlank()) {
            return expected;
        }
        HttpUrl asked = HttpUrl.parse(requested.strip());
        if (asked == null || !asked.equals(HttpUrl.get(expected))) {
            throw refused(vendor, "a webhook of connection '" + connection + "' carries its webhook secret, so it may only"
                    + " deliver to this Jenkins' endpoint for that connection, " + expected + " (leave url out); an"
                    + " administrator sets the connection's public webhook URL when boards reach Jenkins at another address");
        }
        return expected;
    }

    private static HttpUrl httpUrl(Vendor vendor, String url, String what) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !parsed.username().isEmpty() || !parsed.password().isEmpty() || parsed.fragment() != null) {
            throw refused(vendor, what + " is not an http(s) URL without user info or fragment");
        }
        return parsed;
    }

    private static ValidationException refused(Vendor vendor, String message) {
        return new ValidationException(vendor, "subscribeWebhook", 0, "url", message);
    }
}
