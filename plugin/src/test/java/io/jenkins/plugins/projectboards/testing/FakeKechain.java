package io.jenkins.plugins.projectboards.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * KE-chain's service API as pykechain speaks it (the shapes of board-client's {@code fixtures/kechain}), for one scope
 * ("Bike Project"), one service ("Gears") and one execution whose status the test sets: {@code execute} answers 202
 * with the new execution (409 with the running one when {@link #running}), the execution, its text/plain log, and
 * terminate. Records every request as {@code METHOD path} and its {@code Authorization} header.
 */
public final class FakeKechain extends Dispatcher {
    public static final String SCOPE = "bd5dceaa-a35e-47b0-9fc5-875410f4a56f";
    public static final String SERVICE = "1e25399d-949f-4a11-96a2-003132ad76b8";
    public static final String EXECUTION = "2dd0ea95-c7a8-4fad-96fc-8577917a71ff";

    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** The {@code Authorization} header of each request. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public volatile String status = "LOADING";
    /** Whether {@code execute} answers 409 (already running) instead of starting. */
    public volatile boolean running;

    public long count(String line) {
        return requests.stream().filter(line::equals).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        requests.add(request.getMethod() + " " + path);
        authorizations.add(String.valueOf(request.getHeader("Authorization")));
        if (path.startsWith("/api/v3/scopes.json")) {
            return json(200, "{\"count\":1,\"next\":null,\"results\":[{\"id\":\"" + SCOPE + "\",\"name\":\"Bike Project\",\"status\":\"ACTIVE\"}]}");
        }
        if (path.startsWith("/api/services.json")) {
            return json(200, "{\"count\":1,\"next\":null,\"results\":[{\"id\":\"" + SERVICE + "\",\"name\":\"Gears\",\"scope\":\"" + SCOPE + "\"}]}");
        }
        if (path.startsWith("/api/services/" + SERVICE + "/execute")) {
            boolean already = running;
            running = true;
            return json(already ? 409 : 202, "{\"results\":[" + execution(request) + "]}");
        }
        if (path.equals("/api/service_executions/" + EXECUTION + ".json")) {
            return json(200, "{\"results\":[" + execution(request) + "]}");
        }
        if (path.equals("/api/service_executions/" + EXECUTION + "/log")) {
            return new MockResponse().setHeader("Content-Type", "text/plain").setBody(">>> gears computed\n");
        }
        if (path.startsWith("/api/service_executions/" + EXECUTION + "/terminate")) {
            status = "TERMINATED";
            return json(202, "{\"results\":[\"Execution terminated\"]}");
        }
        return json(404, "{\"results\":[{\"detail\":\"Not found.\"}]}");
    }

    /**
     * KE-chain's answer for the execution; its {@code url} is on the server the client called (its {@code Host}), as
     * the client keeps no link to another host.
     */
    private String execution(RecordedRequest request) {
        return "{\"id\":\"" + EXECUTION + "\",\"url\":\"" + executionUrl("http://" + request.getHeader("Host") + "/") + "\",\"service\":\"" + SERVICE
                + "\",\"service_name\":\"Gears\",\"status\":\"" + status + "\",\"username\":\"jenkins\"}";
    }

    /** Where KE-chain says the execution is, for a server at {@code baseUrl} (ending in a slash). */
    public static String executionUrl(String baseUrl) {
        return baseUrl + "executions/" + EXECUTION;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
