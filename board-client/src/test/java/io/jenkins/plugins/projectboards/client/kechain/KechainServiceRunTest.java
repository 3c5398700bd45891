package io.jenkins.plugins.projectboards.client.kechain;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.testing.Fixture;
import io.jenkins.plugins.projectboards.client.testing.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.Test;

/**
 * A service run from start (or attach) to its end, one look at a time, with a clock that only moves when the test
 * pauses as the run says; the run itself never waits (the clock's sleeper would record it).
 */
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

    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));
    private static final String EXECUTE = "/api/services/" + SERVICE + "/execute?interactive=False&format=json";
    private static final String STATUS = "/api/service_executions/" + EXECUTION + ".json";
    private static final String LOG = "/api/service_executions/" + EXECUTION + "/log";
    private static final String TERMINATE = "/api/service_executions/" + EXECUTION + "/terminate?format=json";

    private final TestTime time = new TestTime(NOW);
    /** The pauses the test made between looks, as a timer would. */
    private final List<Duration> pauses = new ArrayList<>();

    private KechainServiceRun run() {
        return new KechainClient(baseUrl(), KechainCredentials.token(TOKEN), http, options.withTime(time, time, () -> 0.0)).serviceRun();
    }

    /** Looks again after each pause the run asks for (moving the clock, as a timer would) until the run is over. */
    private KechainServiceRun.Result untilOver(KechainServiceRun run, KechainServiceRun.Progress progress, Events events) {
        while (!progress.over()) {
            pauses.add(progress.pause());
            time.now = time.now.plus(progress.pause());
            progress = run.poll(progress, events);
        }
        assertEquals("the run never waits itself", List.of(), time.waits);
        return progress.result();
    }

    private KechainServiceRun.Result startAndWait(KechainServiceRun.IfRunning ifRunning, Instant deadline, Events events) {
        KechainServiceRun run = run();
        return untilOver(run, run.start(SERVICE, ifRunning, deadline, events), events);
    }

    private void started(int status) {
        started(status, "LOADING");
    }

    private void started(int status, String executionStatus) {
        server.enqueue(execution(status, executionStatus));
    }

    private void log(String text) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody(text));
    }

    @Test
    public void eachLookIsOneRequestAndSaysHowLongToPause() throws Exception {
        started(202);
        server.enqueue(execution("RUNNING"));
        Events events = new Events();
        KechainServiceRun run = run();
        KechainServiceRun.Progress first = run.start(SERVICE, KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, events);
        assertEquals(new KechainServiceRun.Progress(EXECUTION, false, "LOADING", IN_AN_HOUR, Duration.ofSeconds(1), null), first);
        assertEquals(1, server.getRequestCount());
        time.now = time.now.plusSeconds(1);
        KechainServiceRun.Progress second = run.poll(first, events);
        assertEquals(new KechainServiceRun.Progress(EXECUTION, false, "RUNNING", IN_AN_HOUR, Duration.ofSeconds(2), null), second);
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(), time.waits);
        assertEquals(List.of("started:" + EXECUTION + ":false", "LOADING", "RUNNING"), events.seen);
        expect("GET", EXECUTE);
        expect("GET", STATUS);
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
        KechainServiceRun.Result result = startAndWait(KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, events);
        assertEquals(new KechainServiceRun.Result(EXECUTION, "COMPLETED", executionUrl(), ">>> starting\ndone\n", false, false), result);
        assertTrue(result.succeeded());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)), pauses);
        assertEquals(List.of("started:" + EXECUTION + ":false", "LOADING", "RUNNING", "COMPLETED"), events.seen);
        expect("GET", EXECUTE);
        for (int i = 0; i < 4; i++) {
            expect("GET", STATUS);
        }
        expect("GET", LOG);
    }

    @Test
    public void aRunOverAtItsStartIsNotLookedAtAgain() throws Exception {
        started(202, "COMPLETED");
        log("done");
        KechainServiceRun.Progress progress = run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, new Events());
        assertEquals(new KechainServiceRun.Result(EXECUTION, "COMPLETED", executionUrl(), "done", false, false), progress.result());
        assertNull(progress.pause());
        expect("GET", EXECUTE);
        expect("GET", LOG);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    public void pausesStopGrowingAtFifteenSeconds() {
        started(202);
        for (int i = 0; i < 6; i++) {
            server.enqueue(execution("RUNNING"));
        }
        server.enqueue(execution("COMPLETED"));
        log("");
        startAndWait(KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, new Events());
        assertEquals(List.of(1L, 2L, 4L, 8L, 15L, 15L, 15L), pauses.stream().map(Duration::getSeconds).toList());
    }

    @Test
    public void failedAndTerminatedAreFinalStatuses() {
        started(202);
        server.enqueue(execution("FAILED"));
        log("Traceback …");
        KechainServiceRun.Result failed = startAndWait(KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, new Events());
        assertEquals("FAILED", failed.status());
        assertFalse(failed.succeeded());
        assertEquals("Traceback …", failed.log());
        started(202);
        server.enqueue(execution("TERMINATING"));
        server.enqueue(execution("TERMINATED"));
        log("");
        assertEquals("TERMINATED", startAndWait(KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, new Events()).status());
    }

    @Test
    public void alreadyRunningIsFollowedWhenAttaching() {
        started(409);
        server.enqueue(execution("COMPLETED"));
        log("");
        Events events = new Events();
        KechainServiceRun.Result result = startAndWait(KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, events);
        assertTrue(result.attached());
        assertEquals("started:" + EXECUTION + ":true", events.seen.get(0));
    }

    @Test
    public void alreadyRunningFailsWhenAskedTo() {
        started(409);
        ValidationException e = assertThrows(ValidationException.class,
                () -> run().start(SERVICE, KechainServiceRun.IfRunning.FAIL, IN_AN_HOUR, new Events()));
        assertEquals("ifRunning", e.field());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void deadlineTerminatesTheExecutionAndReportsTheLastStatus() throws Exception {
        started(202);
        server.enqueue(execution("RUNNING"));
        server.enqueue(execution("RUNNING"));
        server.enqueue(Fixture.json(202, """
                {"results":["Execution terminated"]}"""));
        server.enqueue(execution("TERMINATING"));
        log("partial");
        Events events = new Events();
        KechainServiceRun.Result result = startAndWait(KechainServiceRun.IfRunning.ATTACH, NOW.plus(Duration.ofSeconds(5)), events);
        assertEquals(new KechainServiceRun.Result(EXECUTION, "TERMINATING", executionUrl(), "partial", false, true), result);
        // The next pause (4 s) would pass the deadline: terminate instead of waiting.
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
        assertEquals(List.of("started:" + EXECUTION + ":false", "LOADING", "RUNNING", "TERMINATING"), events.seen);
        expect("GET", EXECUTE);
        expect("GET", STATUS);
        expect("GET", STATUS);
        expect("GET", TERMINATE);
        expect("GET", STATUS);
        expect("GET", LOG);
    }

    @Test
    public void followingAnExecutionByIdReportsItsFirstStatus() throws Exception {
        server.enqueue(execution("RUNNING"));
        server.enqueue(execution("COMPLETED"));
        log("ok");
        Events events = new Events();
        KechainServiceRun run = run();
        KechainServiceRun.Result result = untilOver(run, KechainServiceRun.Progress.following(EXECUTION, false, IN_AN_HOUR), events);
        assertEquals(new KechainServiceRun.Result(EXECUTION, "COMPLETED", executionUrl(), "ok", false, false), result);
        // Looked at at once, then after the first pause; the status is reported even though it did not change.
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1)), pauses);
        assertEquals(List.of("RUNNING", "COMPLETED"), events.seen);
        expect("GET", STATUS);
        expect("GET", STATUS);
        expect("GET", LOG);
    }

    @Test
    public void aDeadlinePassedWhileNobodyLookedTerminatesAtTheNextLook() throws Exception {
        // E.g. Jenkins was down past the deadline: the first look after it ends the run.
        server.enqueue(execution("RUNNING"));
        server.enqueue(Fixture.json(202, """
                {"results":["Execution terminated"]}"""));
        server.enqueue(execution("TERMINATED"));
        log("");
        KechainServiceRun.Result result = untilOver(run(),
                KechainServiceRun.Progress.following(EXECUTION, true, NOW.minus(Duration.ofMinutes(1))), new Events());
        assertEquals(new KechainServiceRun.Result(EXECUTION, "TERMINATED", executionUrl(), "", true, true), result);
        expect("GET", STATUS);
        expect("GET", TERMINATE);
        expect("GET", STATUS);
        expect("GET", LOG);
    }

    @Test
    public void aRunThatIsOverIsNotPolled() {
        KechainServiceRun.Progress over = new KechainServiceRun.Progress(EXECUTION, false, "COMPLETED", IN_AN_HOUR, null,
                new KechainServiceRun.Result(EXECUTION, "COMPLETED", executionUrl(), "", false, false));
        assertThrows(IllegalArgumentException.class, () -> run().poll(over, new Events()));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void unreadableLogDoesNotHideTheStatus() {
        started(202);
        server.enqueue(execution("COMPLETED"));
        server.enqueue(Fixture.json(404, """
                {"results":[{"detail":"Not found."}]}"""));
        KechainServiceRun.Result result = startAndWait(KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, new Events());
        assertEquals("COMPLETED", result.status());
        assertTrue(result.log().startsWith("(the log could not be read: KE-chain GET"));
    }

    @Test
    public void executeIsNeverRetried() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1"));
        assertThrows(io.jenkins.plugins.projectboards.client.ApiException.class,
                () -> run().start(SERVICE, KechainServiceRun.IfRunning.ATTACH, IN_AN_HOUR, new Events()));
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
        assertEquals(new KechainServiceRun.Result(EXECUTION, "LOADING", executionUrl(), null, false, false), result);
        assertEquals(List.of("started:" + EXECUTION + ":false"), events.seen);
        assertEquals(List.of(), time.waits);
        expect("GET", EXECUTE);
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
