package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Boards cannot send a CSRF crumb; their deliveries prove themselves with the webhook secret instead. Only the
 * endpoint's own paths are exempt: {@code /<connection>} and {@code /<connection>/<secret>} (a Projectplace secret
 * in the path, {@link WebhookEndpoint}).
 */
@Extension
public class WebhookCrumbExclusion extends CrumbExclusion {
    private static final String PREFIX = "/" + WebhookEndpoint.URL_NAME + "/";

    @Override
    public boolean process(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String path = req.getPathInfo();
        if (path != null && path.startsWith(PREFIX) && path.substring(PREFIX.length()).matches("[^/]+(/[^/]+)?")) {
            chain.doFilter(req, resp);
            return true;
        }
        return false;
    }
}
