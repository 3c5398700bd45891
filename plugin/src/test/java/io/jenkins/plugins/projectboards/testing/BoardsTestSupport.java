package io.jenkins.plugins.projectboards.testing;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Descriptor.FormException;
import hudson.util.Secret;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What every JenkinsRule test of the plugin needs: credentials in the global store, the global connections, and the
 * HTTP requests a fake vendor received (method, path, body and the headers that carry credentials).
 */
public final class BoardsTestSupport {
    private BoardsTestSupport() {}

    /** A global secret text credential (API key, API token, webhook secret). */
    public static void addSecretText(String id, String secret) throws IOException {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "secret text " + id, Secret.fromString(secret)));
        store.save();
    }

    /** A global username/password credential. */
    public static void addUsernamePassword(String id, String username, String password) throws IOException, FormException {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "user " + id, username, password));
        store.save();
    }

    /**
     * A form endpoint called as the form's JavaScript calls it: POST with a crumb, as {@code user} ({@code null}:
     * anonymous). The raw answer: as a page, HtmlUnit would follow the meta refresh of a 403 page to the login page (200).
     */
    public static WebResponse postForm(JenkinsRule j, String user, String path) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            web.login(user);
        }
        return web.loadWebResponse(web.addCrumb(new WebRequest(new URL(j.getURL(), path), HttpMethod.POST)));
    }

    /**
     * Kanboard's {@code task.move.column} delivery in its recorded shape (the target column by name, the source by id)
     * for a card of board-client's fake Kanboard (project 1 "Shop", columns Todo 11, Doing 12, Done 13), moved by
     * alice, posted to this Jenkins' endpoint of {@code connection} with the webhook token; returns the HTTP status.
     */
    public static int deliverKanboardMove(JenkinsRule j, String connection, String webhookToken, String task, String from, String to)
            throws Exception {
        int fromId = 11 + FakeBoards.COLUMNS.indexOf(from);
        int toId = 11 + FakeBoards.COLUMNS.indexOf(to);
        String body = """
                {"event_name":"task.move.column","event_data":{"task_id":%s,"task":{"id":%s,"title":"Card %s","project_id":1,\
                "column_id":%d,"position":1,"is_active":1,"swimlane_id":1,"project_name":"Shop","column_title":"%s"},\
                "changes":{"src_column_id":%d,"dst_column_id":%d},"project_id":1,"position":1,"column_id":%d,"swimlane_id":1,\
                "src_column_id":%d,"dst_column_id":%d},"event_author":"alice"}"""
                .formatted(task, task, task, toId, to, fromId, toId, toId, fromId, toId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(j.getURL() + "project-boards-webhook/" + connection + "?token=" + webhookToken))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Replaces the global connections (Manage Jenkins → System → Project Boards). */
    public static void configure(BoardConnection... connections) {
        ProjectBoardsConfiguration.get().setConnections(List.of(connections));
    }

    /** One HTTP request as the fake server received it. */
    public record Recorded(String method, String path, String body, String apiKey, String authorization) {
        static Recorded of(RecordedRequest request) {
            return new Recorded(request.getMethod(), request.getPath(), request.getBody().clone().readUtf8(),
                    request.getHeader("X-Api-Key"), request.getHeader("Authorization"));
        }

        /** The body as JSON; fails the test when it is not JSON. */
        public JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }

        public boolean isWrite() {
            return !method.equals("GET");
        }

        /** {@code METHOD path}, as the assertions list requests. */
        public String line() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return line() + (body.isEmpty() ? "" : " " + body);
        }
    }

    /**
     * Every request a {@link MockWebServer} received so far, in order. MockWebServer hands each request out once, so
     * this keeps what it took for the next call.
     */
    public static final class Requests {
        private final MockWebServer server;
        private final List<Recorded> seen = new ArrayList<>();

        public Requests(MockWebServer server) {
            this.server = server;
        }

        public synchronized List<Recorded> all() throws InterruptedException {
            RecordedRequest request;
            while ((request = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
                seen.add(Recorded.of(request));
            }
            return List.copyOf(seen);
        }

        /** The requests that change something (anything but GET). */
        public List<Recorded> writes() throws InterruptedException {
            return all().stream().filter(Recorded::isWrite).toList();
        }

        /** The requests whose {@code METHOD path} starts with {@code prefix}. */
        public List<Recorded> matching(String prefix) throws InterruptedException {
            return all().stream().filter(request -> request.line().startsWith(prefix)).toList();
        }
    }
}
