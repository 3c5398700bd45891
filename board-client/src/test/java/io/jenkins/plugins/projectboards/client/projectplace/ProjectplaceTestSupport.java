package io.jenkins.plugins.projectboards.client.projectplace;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import java.util.Base64;
import okhttp3.mockwebserver.RecordedRequest;

/** Projectplace contract-test helpers: a robot client, its token answers, documented bodies and request checks. */
public abstract class ProjectplaceTestSupport extends MockServerTest {
    protected static final String CLIENT_ID = "robot-client-id";
    protected static final String CLIENT_SECRET = "robot-client-s3cret-0123";
    protected static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes());

    protected ProjectplaceClient client() {
        return new ProjectplaceClient(baseUrl(), new ProjectplaceCredentials(CLIENT_ID, CLIENT_SECRET), http, options);
    }

    /** A token answer as Projectplace's examples read it ({@code expires}, in seconds). */
    protected void token(String token, long expires) {
        server.enqueue(Fixture.json(200, """
                {"access_token":"%s","token_type":"Bearer","expires":%d}""".formatted(token, expires)));
    }

    protected void body(String resource) {
        server.enqueue(Fixture.json(200, Fixture.resource("fixtures/projectplace/" + resource)));
    }

    protected void json(int status, String body) {
        server.enqueue(Fixture.json(status, body));
    }

    /** The token request: HTTP Basic with the robot's id and secret, a client-credentials form. */
    protected void expectTokenRequest() throws Exception {
        RecordedRequest request = take();
        assertEquals("POST /oauth2/access_token", request.getMethod() + " " + request.getPath());
        assertEquals(BASIC, request.getHeader("Authorization"));
        assertEquals("application/x-www-form-urlencoded", request.getHeader("Content-Type"));
        assertEquals("grant_type=client_credentials", request.getBody().readUtf8());
    }

    /** An API request with the bearer token, and its exact JSON body ({@code null}: none). */
    protected RecordedRequest expect(String token, String method, String path, String json) throws Exception {
        RecordedRequest request = take();
        assertEquals(method + " " + path, request.getMethod() + " " + request.getPath());
        assertEquals("Bearer " + token, request.getHeader("Authorization"));
        String body = request.getBody().readUtf8();
        if (json == null) {
            assertEquals("", body);
        } else {
            assertEquals(Json.MAPPER.readTree(json), Json.MAPPER.readTree(body));
        }
        return request;
    }
}
