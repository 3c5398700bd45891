package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.webhook.WebhookIntake;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.steps.SubscribeWebhookStep;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code POST <Jenkins URL>/project-boards-webhook/<connection>}: where boards deliver their events. Open to
 * anonymous callers (boards cannot log in), so a delivery must prove itself with the connection's webhook secret.
 * The answers say nothing that helps a caller guess: 403 for an unknown connection and a wrong secret alike, 400
 * for a malformed body only after the secret was right, 413 for a body over 1 MiB, 405 for other methods; never 5xx
 * for bad input. Accepted deliveries are answered 202 at once: builds are scheduled on another thread.
 */
@Extension
public class WebhookEndpoint implements UnprotectedRootAction {
    private static final Logger LOGGER = Logger.getLogger(WebhookEndpoint.class.getName());

    @Override
    public String getUrlName() {
        return SubscribeWebhookStep.ENDPOINT;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    /** Every path below the endpoint: {@code /<connection>}. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            answer(rsp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "POST only");
            return;
        }
        String name = req.getRestOfPath().replaceFirst("^/", "");
        byte[] body = readAtMost(req.getInputStream(), WebhookIntake.MAX_BODY_BYTES);
        if (body == null) {
            answer(rsp, 413, "too large");
            return;
        }
        BoardConnection connection = find(name);
        if (connection == null) {
            LOGGER.log(Level.FINE, "webhook delivery for unknown connection {0}", name);
            answer(rsp, HttpServletResponse.SC_FORBIDDEN, "forbidden");
            return;
        }
        try {
            WebhookDelivery delivery = new WebhookDelivery(headers(req), query(req), new String(body, StandardCharsets.UTF_8));
            BoardClient client = connection.client();
            BoardEvent event = WebhookIntake.accept(client, delivery, connection.webhookSecret());
            BoardEventDispatcher.get().dispatch(connection.getName(), client, event);
            answer(rsp, HttpServletResponse.SC_ACCEPTED, "accepted");
        } catch (WebhookIntake.Rejected e) {
            LOGGER.log(Level.INFO, "webhook delivery for connection {0} refused ({1}): {2}", new Object[] {name, e.status(), e.getMessage()});
            answer(rsp, e.status() == 404 ? HttpServletResponse.SC_FORBIDDEN : e.status(), e.status() == 400 ? "bad request" : "forbidden");
        } catch (IllegalArgumentException e) {
            // The connection's credentials are missing or of the wrong kind: the administrator's to fix, the caller's to not know.
            LOGGER.log(Level.WARNING, "webhook delivery for connection {0} cannot be checked: {1}", new Object[] {name, e.getMessage()});
            answer(rsp, HttpServletResponse.SC_FORBIDDEN, "forbidden");
        }
    }

    private static BoardConnection find(String name) {
        for (BoardConnection connection : ProjectBoardsConfiguration.get().getConnections()) {
            if (connection.getName().equals(name)) {
                return connection;
            }
        }
        return null;
    }

    /** The body, or {@code null} when it is longer than {@code limit} (read no further than that). */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static Map<String, String> headers(StaplerRequest2 req) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : Collections.list(req.getHeaderNames())) {
            headers.put(header, req.getHeader(header));
        }
        return headers;
    }

    private static Map<String, List<String>> query(StaplerRequest2 req) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        req.getParameterMap().forEach((key, values) -> query.put(key, new ArrayList<>(Arrays.asList(values))));
        return query;
    }

    private static void answer(StaplerResponse2 rsp, int status, String text) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("text/plain;charset=UTF-8");
        rsp.getWriter().print(text);
    }
}
