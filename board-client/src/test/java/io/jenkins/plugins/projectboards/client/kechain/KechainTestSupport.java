package io.jenkins.plugins.projectboards.client.kechain;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.MockServerTest;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** KE-chain contract-test helpers: a token client on a base path, documented bodies, request checks. */
public abstract class KechainTestSupport extends MockServerTest {
    protected static final String TOKEN = "kechain-t0ken-abcdef";
    protected static final String SCOPE = "bd5dceaa-a35e-47b0-9fc5-875410f4a56f";
    protected static final String SERVICE = "1e25399d-949f-4a11-96a2-003132ad76b8";
    protected static final String EXECUTION = "2dd0ea95-c7a8-4fad-96fc-8577917a71ff";
    protected static final String ACTIVITY = "e7bd60f4-d9de-43ff-b08a-a6fcdeaf2939";
    private static final String RECORDED_HOST = "https://pim3-test.ke-chain.com";

    /** The instance under a path and without the trailing slash, to prove the client keeps the path. */
    protected KechainClient client() {
        return new KechainClient(baseUrl() + "/kc", KechainCredentials.token(TOKEN), http, options);
    }

    protected void body(int status, String resource) {
        server.enqueue(Fixture.json(status, Fixture.resource("fixtures/kechain/" + resource)));
    }

    protected void json(int status, String body) {
        server.enqueue(Fixture.json(status, body));
    }

    /** An execution answer in the given status, from the recorded LOADING one. */
    protected MockResponse execution(String status) {
        return execution(200, status);
    }

    /**
     * The recorded execution answer with this status, its {@code url} moved from the recording's host to this test's
     * server: a link to another host than the connection's is dropped.
     */
    protected MockResponse execution(int httpStatus, String status) {
        return Fixture.json(httpStatus, Fixture.resource("fixtures/kechain/execution-loading.json")
                .replace("\"LOADING\"", "\"" + status + "\"").replace(RECORDED_HOST, baseUrl() + "/kc"));
    }

    /** Where the recorded execution's {@code url} points, moved to this test's server. */
    protected String executionUrl() {
        return baseUrl() + "/kc/api/v3/service_executions/" + EXECUTION + "?format=json";
    }

    protected RecordedRequest expect(String method, String pathAndQuery) throws Exception {
        RecordedRequest request = take();
        assertEquals(method + " " + pathAndQuery, request.getMethod() + " " + request.getPath());
        assertEquals("Token " + TOKEN, request.getHeader("Authorization"));
        assertEquals("XMLHttpRequest", request.getHeader("X-Requested-With"));
        return request;
    }
}
