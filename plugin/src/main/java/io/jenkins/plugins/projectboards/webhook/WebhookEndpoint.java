package io.jenkins.plugins.projectboards.webhook;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.client.WebhookDelivery;
import io.jenkins.plugins.projectboards.client.webhook.WebhookIntake;
import io.jenkins.plugins.projectboards.client.webhook.WebhookPath;
import io.jenkins.plugins.projectboards.client.webhook.WebhookTarget;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code POST <Jenkins URL>/project-boards-webhook/<connection>}: where boards deliver their events. Open to
 * anonymous callers (boards cannot log in), so a delivery must prove itself with the connection's webhook secret,
 * which every vendor sends in a header or the query (Projectplace's may be the path's last segment instead,
 * {@code /<connection>/<secret>}): it is checked before a byte of the body is read. The answers
 * say nothing that helps a caller guess: 403 for an unknown connection, a misconfigured one and a wrong secret alike
 * (at the same cost), then 413 for a body over 1 MiB, 400 for a malformed body, 503 with {@code Retry-After} when the
 * connection's queue is full, 405 for other methods; never 5xx for bad input. Accepted deliveries are answered 202
 * at once: builds are scheduled on another thread. Refusals are logged at FINE (a flood must not fill the log);
 * a misconfigured connection at WARNING, at most once per {@link WarningsPerConnection#EVERY_MINUTES} minutes per
 * connection.
 */
@Extension
public class WebhookEndpoint implements UnprotectedRootAction {
    private static final Logger LOGGER = Logger.getLogger(WebhookEndpoint.class.getName());
    /**
     * The endpoint's path below Jenkins' root; the rest of the plugin (its CSRF exclusion) takes it from here. It is
     * the library's {@link WebhookTarget#ENDPOINT}, because the library builds the URL {@code subscribeWebhook}
     * registers.
     */
    public static final String URL_NAME = WebhookTarget.ENDPOINT;
    /** Seconds a vendor should wait before retrying a delivery refused because the connection's queue was full. */
    static final String RETRY_AFTER_SECONDS = "10";

    /**
     * Stands in for an unknown connection: its webhook secret is looked up like a real one and never found, so an
     * unknown connection costs what a known one does.
     */
    private static final BoardConnection DECOY = decoy();

    private final WarningsPerConnection warnings = new WarningsPerConnection();

    @Override
    public String getUrlName() {
        return URL_NAME;
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
        // The raw path, so that an encoded '/' stays inside its segment; only its connection is ever logged.
        WebhookPath path = WebhookPath.of(req.getOriginalRestOfPath());
        String name = path.connection();
        BoardConnection connection = find(name);
        // Headers and the raw query only: the servlet's parameter map would read a form-encoded body.
        WebhookDelivery proof = new WebhookDelivery(headers(req), WebhookDelivery.queryOf(req.getQueryString()), null);
        try {
            WebhookIntake.prove(connection == null ? null : connection.vendor(), proof, path.secret(), secretOf(connection));
        } catch (WebhookIntake.Rejected e) {
            LOGGER.log(Level.FINE, "webhook delivery for connection {0} refused: {1}", new Object[] {name, e.getMessage()});
            answer(rsp, HttpServletResponse.SC_FORBIDDEN, "forbidden");
            return;
        }
        byte[] body = req.getContentLengthLong() > WebhookIntake.MAX_BODY_BYTES ? null
                : readAtMost(req.getInputStream(), WebhookIntake.MAX_BODY_BYTES);
        if (body == null) {
            LOGGER.log(Level.FINE, "webhook delivery for connection {0} refused: body over {1} bytes", new Object[] {name, WebhookIntake.MAX_BODY_BYTES});
            answer(rsp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too large");
            return;
        }
        BoardClient client;
        try {
            client = connection.client();
        } catch (RuntimeException e) {
            misconfigured(connection, e);
            answer(rsp, HttpServletResponse.SC_FORBIDDEN, "forbidden");
            return;
        }
        BoardEvent event;
        try {
            event = WebhookIntake.parse(client, new WebhookDelivery(proof.headers(), proof.query(), new String(body, StandardCharsets.UTF_8)));
        } catch (WebhookIntake.Rejected e) {
            LOGGER.log(Level.FINE, "webhook delivery for connection {0} refused ({1}): {2}", new Object[] {name, e.status(), e.getMessage()});
            boolean malformed = e.status() == HttpServletResponse.SC_BAD_REQUEST;
            answer(rsp, malformed ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_FORBIDDEN, malformed ? "bad request" : "forbidden");
            return;
        }
        if (!BoardEventDispatcher.get().dispatch(connection.getName(), client, event)) {
            LOGGER.log(Level.FINE, "webhook delivery for connection {0} refused: its queue is full", name);
            rsp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            answer(rsp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy, retry later");
            return;
        }
        answer(rsp, HttpServletResponse.SC_ACCEPTED, "accepted");
    }

    private static BoardConnection find(String name) {
        for (BoardConnection connection : ProjectBoardsConfiguration.get().getConnections()) {
            if (connection.getName().equals(name)) {
                return connection;
            }
        }
        return null;
    }

    /** The connection's webhook secret; null when it has none, when it cannot be read (logged), or when it is unknown. */
    private String secretOf(BoardConnection connection) {
        try {
            return (connection == null ? DECOY : connection).webhookSecret();
        } catch (RuntimeException e) {
            if (connection != null) {
                misconfigured(connection, e);
            }
            return null;
        }
    }

    /** The administrator's to fix, the caller's to not know: a WARNING now and then, FINE otherwise. */
    private void misconfigured(BoardConnection connection, RuntimeException e) {
        LOGGER.log(warnings.level(connection.getName()), "webhook deliveries for connection {0} are refused (403)"
                + " because the connection is misconfigured: {1}", new Object[] {connection.getName(), String.valueOf(e)});
    }

    private static BoardConnection decoy() {
        // A valid connection (the constructor refuses any other) that no request can reach: .invalid never resolves.
        BoardConnection decoy = new PlankaConnection("decoy", "https://decoy.invalid", UUID.randomUUID().toString());
        decoy.setWebhookCredentialsId(UUID.randomUUID().toString());
        return decoy;
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

    private static void answer(StaplerResponse2 rsp, int status, String text) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("text/plain;charset=UTF-8");
        rsp.getWriter().print(text);
    }
}
