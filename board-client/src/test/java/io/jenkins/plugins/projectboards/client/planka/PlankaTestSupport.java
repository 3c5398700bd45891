package io.jenkins.plugins.projectboards.client.planka;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import okhttp3.mockwebserver.RecordedRequest;

/** Planka contract-test helpers: clients, recorded answers and exact request checks. */
public abstract class PlankaTestSupport extends MockServerTest {
    protected static final String API_KEY = "QXXYJKQk_planka-api-key-secret-0123456";
    protected static final String PASSWORD = "planka-pass-word-42";
    protected static final String BOARD = "1915228962267595872";
    protected static final String TODO = "1915228964062757988";
    protected static final String DOING = "1915228964985504869";
    protected static final String CARD = "1915228973340558440";

    protected PlankaClient client() {
        return new PlankaClient(baseUrl() + "/", PlankaCredentials.apiKey(API_KEY), http, options);
    }

    protected PlankaClient passwordClient() {
        return new PlankaClient(baseUrl(), PlankaCredentials.password("admin@example.com", PASSWORD), http, options);
    }

    protected void answer(String fixture) {
        server.enqueue(Fixture.load("planka/" + fixture + ".txt").response());
    }

    protected void json(int status, String body) {
        server.enqueue(Fixture.json(status, body));
    }

    /** {@code GET /api/projects} with the recorded project and board, plus a second project. */
    protected void projects() {
        json(200, """
                {"items":[{"id":"1915228959650350174","name":"Smoke 1795504681"},{"id":"2","name":"Ops"}],\
                "included":{"boards":[{"id":"%s","name":"Smoke board","projectId":"1915228959650350174"},\
                {"id":"77","name":"Releases","projectId":"2"}]}}""".formatted(BOARD));
    }

    /** Takes the next request and checks method, path, the API-key header and the JSON body ({@code null}: none). */
    protected RecordedRequest expect(String method, String path, String json) throws Exception {
        RecordedRequest request = take();
        assertEquals(method, request.getMethod());
        assertEquals(path, request.getPath());
        assertEquals(API_KEY, request.getHeader("X-Api-Key"));
        assertEquals(null, request.getHeader("Authorization"));
        String body = request.getBody().readUtf8();
        if (json == null) {
            assertEquals("", body);
        } else {
            assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
            assertEquals(Json.MAPPER.readTree(json), Json.MAPPER.readTree(body));
        }
        return request;
    }
}
