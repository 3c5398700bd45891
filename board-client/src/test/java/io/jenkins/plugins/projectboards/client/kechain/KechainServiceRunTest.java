package io.jenkins.plugins.projectboards.client.kechain;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import okhttp3.mockwebserver.MockResponse;
import org.junit.Test;

/** A service run from start (or attach) to its end, with a clock that only moves when the run waits. */
public class KechainServiceRunTest extends KechainTestSupport {

    /** Records what the listener was told, as "started:<id>:<attached>" and status names. */
    private static final class Events implements KechainServiceRun.Listener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void started(KechainExecution execution, boolean attached) {
            seen.add("started:" + execution.id() + ":" + attached);
        }

        @Override
        public void statusChanged(KechainExecution execution) {
            seen.add(execution.status());
        }
    }

    private final TestTime time = new TestTime(NOW);

    private KechainServiceRun run() {
        return new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http, options.withTime(time, time, () -> 0.0)).serviceRun();
    }

    private void started(int status) {
        server.enqueue(execution(status, "LOADING"));
    }

    private void log(String text) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody(text));
    }

    @Test
    public void successPollsWithGrowingPausesAndReturnsTheLog() throws Exception {
        started(202);
        server.enqueue(execution("LOADING"));
        server.enqueue(execution("RUNNING"));
        server.enqueue(execution("RUNNING"));
        server.enqueue(execution("COMPLETED"));
        log(">>> starting\ndone\n");
        Events events = new Events();
        KechainServiceRun.Result result = run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), events);
        assertEquals(new KechainServiceRun.Result(EXECUTION, "COMPLETED",
                executionUrl(), ">>> starting\ndone\n", false, false), result);
        assertTrue(result.succeeded());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)), time.waits);
        assertEquals(List.of("started:" + EXECUTION + ":false", "LOADING", "RUNNING", "COMPLETED"), events.seen);
        expect("GET", "/api/services/" + SERVICE + "/execute?interactive=False&format=json");
        for (int i = 0; i < 4; i++) {
            expect("GET", "/api/service_executions/" + EXECUTION + ".json");
        }
        expect("GET", "/api/service_executions/" + EXECUTION + "/log");
    }

    @Test
    public void pausesStopGrowingAtFifteenSeconds() {
        started(202);
        for (int i = 0; i < 6; i++) {
            server.enqueue(execution("RUNNING"));
        }
        server.enqueue(execution("COMPLETED"));
        log("");
        run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), new Events());
        assertEquals(List.of(1L, 2L, 4L, 8L, 15L, 15L, 15L), time.waits.stream().map(Duration::getSeconds).toList());
    }

    @Test
    public void failedAndTerminatedAreFinalStatuses() {
        started(202);
        server.enqueue(execution("FAILED"));
        log("Traceback …");
        KechainServiceRun.Result failed = run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), new Events());
        assertEquals("FAILED", failed.status());
        assertFalse(failed.succeeded());
        assertEquals("Traceback …", failed.log());
        started(202);
        server.enqueue(execution("TERMINATING"));
        server.enqueue(execution("TERMINATED"));
        log("");
        assertEquals("TERMINATED", run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), new Events()).status());
    }

    @Test
    public void alreadyRunningIsFollowedWhenAttaching() {
        started(409);
        server.enqueue(execution("COMPLETED"));
        log("");
        Events events = new Events();
        KechainServiceRun.Result result = run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), events);
        assertTrue(result.attached());
        assertEquals("started:" + EXECUTION + ":true", events.seen.get(0));
    }

    @Test
    public void alreadyRunningFailsWhenAskedTo() {
        started(409);
        ValidationException e = assertThrows(ValidationException.class,
                () -> run().start(SERVICE, KechainServiceRun.IfRunning.FAIL, NOW.plus(Duration.ofHours(1)), new Events()));
        assertEquals("ifRunning", e.field());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void deadlineTerminatesTheExecutionAndReportsTheLastStatus() throws Exception {
        started(202);
        server.enqueue(execution("RUNNING"));
        server.enqueue(execution("RUNNING"));
        server.enqueue(Fixture.json(202, "{\"results\":[\"Execution terminated\"]}"));
        server.enqueue(execution("TERMINATING"));
        log("partial");
        KechainServiceRun.Result result = run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofSeconds(5)), new Events());
        assertTrue(result.timedOut());
        assertEquals("TERMINATING", result.status());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), time.waits);
        take();
        take();
        take();
        expect("GET", "/api/service_executions/" + EXECUTION + "/terminate?format=json");
    }

    @Test
    public void resumeFollowsAnExecutionById() throws Exception {
        server.enqueue(execution("RUNNING"));
        server.enqueue(execution("COMPLETED"));
        log("ok");
        KechainServiceRun.Result result = run().resume(EXECUTION, false, NOW.plus(Duration.ofHours(1)), new Events());
        assertEquals("COMPLETED", result.status());
        assertFalse("started by this build, not attached to", result.attached());
        expect("GET", "/api/service_executions/" + EXECUTION + ".json");
    }

    @Test
    public void stoppingTheWaitTerminatesTheExecution() throws Exception {
        started(202);
        server.enqueue(Fixture.json(202, "{\"results\":[\"Execution terminated\"]}"));
        KechainServiceRun interrupted = new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http,
                options.withTime(time, duration -> { throw new InterruptedException("build aborted"); }, () -> 0.0)).serviceRun();
        assertThrows(CancellationException.class,
                () -> interrupted.start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), new Events()));
        assertTrue(Thread.interrupted());
        take();
        expect("GET", "/api/service_executions/" + EXECUTION + "/terminate?format=json");
    }

    @Test
    public void unreadableLogDoesNotHideTheStatus() {
        started(202);
        server.enqueue(execution("COMPLETED"));
        server.enqueue(Fixture.json(404, "{\"results\":[{\"detail\":\"Not found.\"}]}"));
        KechainServiceRun.Result result = run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), new Events());
        assertEquals("COMPLETED", result.status());
        assertTrue(result.log().startsWith("(the log could not be read: KE-chain GET"));
    }

    @Test
    public void executeIsNeverRetried() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1"));
        assertThrows(io.jenkins.plugins.projectboards.client.ApiException.class,
                () -> run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofHours(1)), new Events()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void serviceByNameInTheScope() throws Exception {
        body(200, "service.json");
        KechainService service = new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http, options).services()
                .service(new KechainScope(SCOPE, "Bike Project", "root"), "Service Gears - Successful");
        assertEquals(new KechainService(SERVICE, "Service Gears - Successful", SCOPE), service);
        expect("GET", "/api/services.json?name=Service%20Gears%20-%20Successful&scope=" + SCOPE + "&limit=2");
    }

    @Test
    public void serviceByScopeAndServiceNames() throws Exception {
        body(200, "scope.json");
        body(200, "service.json");
        KechainService service = new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http, options)
                .service(" Bike Project ", "Service Gears - Successful");
        assertEquals(new KechainService(SERVICE, "Service Gears - Successful", SCOPE), service);
        expect("GET", "/api/v3/scopes.json?status=ACTIVE&name=Bike%20Project&limit=2");
        expect("GET", "/api/services.json?name=Service%20Gears%20-%20Successful&scope=" + SCOPE + "&limit=2");
    }

    @Test
    public void scopeAndServiceAreRequired() {
        KechainClient client = new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http, options);
        assertEquals("scope", assertThrows(ValidationException.class, () -> client.service(null, "s")).field());
        assertEquals("service", assertThrows(ValidationException.class, () -> client.service("Bike Project", " ")).field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void withoutWaitingOnlyStartsTheService() throws Exception {
        started(202);
        Events events = new Events();
        KechainServiceRun.Result result = run().startWithoutWaiting(SERVICE, KechainServiceRun.IfRunning.ATTACH, events);
        assertEquals(new KechainServiceRun.Result(EXECUTION, "LOADING",
                executionUrl(), null, false, false), result);
        assertEquals(List.of("started:" + EXECUTION + ":false"), events.seen);
        assertEquals(List.of(), time.waits);
        expect("GET", "/api/services/" + SERVICE + "/execute?interactive=False&format=json");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void ifRunningParsesAttachAndFailAndNamesTheFieldOtherwise() {
        assertEquals(KechainServiceRun.IfRunning.ATTACH, KechainServiceRun.IfRunning.parse(null));
        assertEquals(KechainServiceRun.IfRunning.ATTACH, KechainServiceRun.IfRunning.parse("Attach"));
        assertEquals(KechainServiceRun.IfRunning.FAIL, KechainServiceRun.IfRunning.parse(" fail "));
        ValidationException e = assertThrows(ValidationException.class, () -> KechainServiceRun.IfRunning.parse("queue"));
        assertEquals("ifRunning", e.field());
        assertEquals("KE-chain runKechainService: 'ifRunning': expected 'attach' or 'fail', got 'queue'", e.getMessage());
    }

    @Test
    public void deadlineIsTimeoutMinutesFromNowAndMustBePositive() {
        assertEquals(NOW.plus(Duration.ofMinutes(90)), run().deadline(90));
        assertEquals("timeoutMinutes", assertThrows(ValidationException.class, () -> run().deadline(0)).field());
    }

    @Test
    public void resultMapHasPlainValuesAndNoLog() {
        java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("executionId", "e1");
        expected.put("status", "FAILED");
        expected.put("url", "https://kc/x");
        expected.put("attached", true);
        expected.put("timedOut", false);
        assertEquals(expected, new KechainServiceRun.Result("e1", "FAILED", "https://kc/x", "long log", true, false).toMap());
    }
}
