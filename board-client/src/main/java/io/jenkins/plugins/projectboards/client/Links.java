package io.jenkins.plugins.projectboards.client;

import okhttp3.HttpUrl;

/**
 * Checks a link a board server handed out (a card's {@code direct_url}, a KE-chain execution's {@code url}, a URL in
 * a webhook delivery) before Jenkins shows it as a link on the console, the "Board cards" page or a cause: a
 * {@code javascript:} or {@code data:} link there would run in Jenkins' origin, and a link to another host could
 * pass a phishing page off as the board.
 */
public final class Links {
    private Links() {}

    /**
     * The link to show for {@code candidate}, or {@code null} for none.
     *
     * @param candidate a URL from a server or a delivery; {@code null} and blank are allowed (no link)
     * @param connectionUrl the address the link must stay on: the connection's URL, or for Projectplace the web
     *     application's ({@code ProjectplaceSettings#webUrl}), where its cards live
     * @return {@code candidate} in canonical form (OkHttp's, so what a browser opens is what was checked) when it is
     *     an absolute {@code http}/{@code https} URL on the host of {@code connectionUrl} (any port or scheme of the
     *     two: servers behind a proxy often state either wrongly); otherwise {@code null}
     */
    public static String safe(String candidate, String connectionUrl) {
        HttpUrl link = parse(candidate);
        HttpUrl connection = parse(connectionUrl);
        return link != null && connection != null && link.host().equals(connection.host()) ? link.toString() : null;
    }

    /**
     * {@code candidate} in canonical form when it is an absolute {@code http}/{@code https} URL, else {@code null}:
     * the last check before Jenkins writes a link whose connection is no longer known (a card kept with an old build).
     */
    public static String web(String candidate) {
        HttpUrl link = parse(candidate);
        return link == null ? null : link.toString();
    }

    private static HttpUrl parse(String url) {
        // OkHttp parses only http(s) and keeps hosts in one canonical form (lower case, IDN as punycode).
        return url == null ? null : HttpUrl.parse(url.strip());
    }
}
