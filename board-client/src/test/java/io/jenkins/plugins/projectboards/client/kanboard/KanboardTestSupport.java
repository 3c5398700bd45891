package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import java.util.Base64;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Kanboard contract-test helpers: the client under test, canned answers, and exact request checks. */
public abstract class KanboardTestSupport extends MockServerTest {
    protected static final String TOKEN = "kb-app-token-0123456789abcdef";
    protected static final String APP_AUTH =
            "Basic " + Base64.getEncoder().encodeToString(("jsonrpc:" + TOKEN).getBytes());

    protected KanboardClient appClient() {
        return new KanboardClient(baseUrl() + "/jsonrpc.php", KanboardCredentials.applicationToken(TOKEN, "admin"), http, options);
    }

    protected KanboardClient userClient(String user, String password) {
        return new KanboardClient(baseUrl(), KanboardCredentials.user(user, password), http, options);
    }

    /** A recorded answer of the Kanboard the fixtures come from, e.g. {@code 13-getTask}. */
    protected void answer(String fixture) {
        server.enqueue(Fixture.load("kanboard/" + fixture + ".txt").response());
    }

    /** A successful JSON-RPC answer with the given result JSON. */
    protected void result(String resultJson) {
        server.enqueue(Fixture.json(200, """
                {"jsonrpc":"2.0","result":%s,"id":1}""".formatted(resultJson)));
    }

    protected void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    /** The projects answer the recording run's project 4 ("Smoke 1795504637") appears in. */
    protected void projects() {
        result("""
                [{"id":4,"name":"Smoke 1795504637","identifier":"SMOKE","url":{"board":"b"}},\
                {"id":5,"name":"Operations","identifier":""}]""");
    }

    /**
     * Takes the next request and checks it is one JSON-RPC call of {@code method} with exactly {@code params}
     * (JSON; {@code null} for none), sent as POST /jsonrpc.php with the application token.
     */
    protected JsonNode expectCall(String method, String params) throws Exception {
        return expectCall(APP_AUTH, method, params);
    }

    protected JsonNode expectCall(String authorization, String method, String params) throws Exception {
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals("/jsonrpc.php", request.getPath());
        assertEquals(authorization, request.getHeader("Authorization"));
        assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
        JsonNode body = Json.MAPPER.readTree(request.getBody().readUtf8());
        assertEquals("2.0", body.path("jsonrpc").asText());
        assertEquals(method, body.path("method").asText());
        assertEquals(params == null ? null : Json.MAPPER.readTree(params), body.get("params"));
        return body;
    }
}
