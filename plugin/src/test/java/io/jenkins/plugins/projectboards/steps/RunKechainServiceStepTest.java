package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.projectboards.connection.KechainConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.FakeKechain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * runKechainService against a fake KE-chain that outlives Jenkins restarts (the server belongs to the test, not to a
 * Jenkins session): success, failure, no wait, stop, and a wait that goes on after a restart without starting the
 * service again. The step polls with real pauses (1, 2, 4 … s), so the fake's status changes only when the test says.
 * Waiting holds no thread: fifty waits at once park none.
 */
public class RunKechainServiceStepTest {
    private static final String TOKEN = "kechain-token-0123456789";
    private static final String SCOPE_LOOKUP = "GET /api/v3/scopes.json?status=ACTIVE&name=Bike%20Project&limit=2";
    private static final String SERVICE_LOOKUP = "GET /api/services.json?name=Gears&scope=" + FakeKechain.SCOPE + "&limit=2";
    private static final String EXECUTE = "GET /api/services/" + FakeKechain.SERVICE + "/execute?interactive=False&format=json";
    private static final String STATUS = "GET /api/service_executions/" + FakeKechain.EXECUTION + ".json";
    private static final String LOG = "GET /api/service_executions/" + FakeKechain.EXECUTION + "/log";
    private static final String TERMINATE = "GET /api/service_executions/" + FakeKechain.EXECUTION + "/terminate?format=json";

    @Rule
    public final JenkinsSessionRule sessions = new JenkinsSessionRule();

    private final MockWebServer server = new MockWebServer();
    private final FakeKechain kechain = new FakeKechain();

    @Before
    public void startKechain() throws Exception {
        server.setDispatcher(kechain);
        server.start();
    }

    @After
    public void stopKechain() throws Exception {
        server.shutdown();
    }

    private void configure() throws Exception {
        BoardsTestSupport.addSecretText("kechain-token", TOKEN);
        BoardsTestSupport.configure(new KechainConnection("kc", server.url("/").toString(), "kechain-token"));
    }

    private static WorkflowJob job(JenkinsRule j, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** The requests about running the service: starting it, and reading, logging or terminating its execution. */
    private List<String> serviceRequests() {
        return kechain.requests.stream()
                .filter(line -> line.contains("/execute?") || line.startsWith("GET /api/service_executions/"))
                .toList();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    public void aCompletedRunReturnsItsExecutionAndPrintsTheLog() throws Throwable {
        kechain.status = "COMPLETED";
        sessions.then(j -> {
            configure();
            WorkflowRun run = j.buildAndAssertSuccess(job(j, "def r = runKechainService(scope: 'Bike Project', service: 'Gears')\n"
                    + "echo \"id=${r.executionId} status=${r.status} url=${r.url} attached=${r.attached} timedOut=${r.timedOut}"
                    + " dryRun=${r.dryRun}\""));
            j.assertLogContains("id=" + FakeKechain.EXECUTION + " status=COMPLETED url="
                    + FakeKechain.executionUrl(server.url("/").toString()) + " attached=false timedOut=false dryRun=false", run);
            j.assertLogContains("[Project Boards] Started KE-chain service Gears (execution " + FakeKechain.EXECUTION + ")", run);
            j.assertLogContains("[Project Boards] KE-chain execution " + FakeKechain.EXECUTION + ": COMPLETED", run);
            j.assertLogContains("[Project Boards] KE-chain execution " + FakeKechain.EXECUTION + " log:\n>>> gears computed", run);
            j.assertLogNotContains(TOKEN, run);
            // Scope and service by name, one start, and the log: an execution that is already finished is not polled.
            assertEquals(List.of(SCOPE_LOOKUP, SERVICE_LOOKUP, EXECUTE, LOG), kechain.requests);
            assertTrue(kechain.authorizations.toString(), kechain.authorizations.stream().allMatch(("Token " + TOKEN)::equals));
        });
    }

    @Test
    public void aFailedRunFailsTheBuildUnlessFailOnErrorIsFalse() throws Throwable {
        kechain.status = "FAILED";
        sessions.then(j -> {
            configure();
            WorkflowJob p = job(j, "runKechainService(scope: 'Bike Project', service: 'Gears')\necho 'not reached'");
            WorkflowRun failed = j.buildAndAssertStatus(Result.FAILURE, p);
            String reason = "KE-chain service 'Gears' (execution " + FakeKechain.EXECUTION + ") ended FAILED";
            j.assertLogContains("ERROR: [Project Boards] " + reason, failed);
            j.assertLogNotContains("not reached", failed);
            j.assertLogNotContains("\tat ", failed);

            kechain.running = false;
            p.setDefinition(new CpsFlowDefinition("def r = runKechainService(scope: 'Bike Project', service: 'Gears', failOnError: false)\n"
                    + "echo \"status=${r.status} error=${r.error}\"", true));
            WorkflowRun lenient = j.buildAndAssertSuccess(p);
            j.assertLogContains("[Project Boards] " + reason + " (failOnError: false, continuing)", lenient);
            j.assertLogContains("status=FAILED error=" + reason, lenient);
        });
    }

    @Test
    public void withoutWaitingItOnlyStartsTheService() throws Throwable {
        kechain.status = "LOADING";
        sessions.then(j -> {
            configure();
            WorkflowRun run = j.buildAndAssertSuccess(job(j, "def r = runKechainService(scope: 'Bike Project', service: 'Gears', wait: false)\n"
                    + "echo \"id=${r.executionId} status=${r.status}\""));
            j.assertLogContains("id=" + FakeKechain.EXECUTION + " status=LOADING", run);
            assertEquals(List.of(EXECUTE), serviceRequests());
        });
    }

    @Test
    public void aDryRunFindsTheServiceAndStartsNothing() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun run = j.buildAndAssertSuccess(job(j, "def r = runKechainService(scope: 'Bike Project', service: 'Gears', dryRun: true)\n"
                    + "echo \"dryRun=${r.dryRun} id=${r.executionId}\""));
            j.assertLogContains("[Project Boards] [dry run] would run KE-chain service 'Gears' of scope 'Bike Project'", run);
            j.assertLogContains("dryRun=true id=null", run);
            assertEquals(List.of(SCOPE_LOOKUP, SERVICE_LOOKUP), kechain.requests);
        });
    }

    @Test
    public void stoppingTheBuildTerminatesTheExecutionOnce() throws Throwable {
        kechain.status = "RUNNING";
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "runKechainService(scope: 'Bike Project', service: 'Gears')").scheduleBuild2(0).waitForStart();
            j.waitForMessage("KE-chain execution " + FakeKechain.EXECUTION + ": RUNNING", run);
            run.getExecutor().interrupt();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
            waitFor("the terminate request", () -> kechain.requests.contains(TERMINATE));
            Thread.sleep(1_000); // a second terminate would come at once
            assertEquals(1, kechain.count(TERMINATE));
            assertEquals(1, kechain.count(EXECUTE));
            assertEquals("TERMINATED", kechain.status);
        });
    }

    @Test
    public void theWaitGoesOnAfterARestartWithoutStartingTheServiceAgain() throws Throwable {
        kechain.status = "RUNNING";
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "def r = runKechainService(scope: 'Bike Project', service: 'Gears')\necho \"final=${r.status}\"")
                    .scheduleBuild2(0).waitForStart();
            j.waitForMessage("KE-chain execution " + FakeKechain.EXECUTION + ": RUNNING", run);
        });
        // KE-chain finishes while Jenkins is down.
        kechain.status = "COMPLETED";
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("Jenkins restarted; following KE-chain execution " + FakeKechain.EXECUTION + " again", run);
            j.assertLogContains("[Project Boards] KE-chain execution " + FakeKechain.EXECUTION + ": COMPLETED", run);
            j.assertLogContains("final=COMPLETED", run);
            assertEquals("the service was started once", 1, kechain.count(EXECUTE));
            assertEquals("nothing was terminated", 0, kechain.count(TERMINATE));
            assertTrue(kechain.requests.contains(STATUS));
        });
    }

    /** Threads with a frame of the step's execution, and threads of the pool each wait used to park. */
    private static List<String> threadsOfTheStep() {
        List<String> threads = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean inStep = Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith(RunKechainServiceExecution.class.getName()));
            if (inStep || thread.getName().startsWith("runKechainService")) {
                threads.add(thread.getName());
            }
        });
        return threads;
    }

    @Test
    public void fiftyWaitsHoldNoThreadEach() throws Throwable {
        kechain.status = "RUNNING";
        sessions.then(j -> {
            configure();
            List<WorkflowRun> runs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                WorkflowJob p = j.createProject(WorkflowJob.class, "p" + i);
                p.setDefinition(new CpsFlowDefinition("runKechainService(scope: 'Bike Project', service: 'Gears')", true));
                runs.add(p.scheduleBuild2(0).waitForStart());
            }
            for (WorkflowRun run : runs) {
                j.waitForMessage("KE-chain execution " + FakeKechain.EXECUTION + ": RUNNING", run);
            }
            // All fifty wait now. A wait is a task on Jenkins' timer between looks, and a timer thread only while it
            // looks: at any moment at most the timer's 10 threads are in the step, where a thread per wait made 50.
            int most = 0;
            for (int sample = 0; sample < 30; sample++) {
                List<String> threads = threadsOfTheStep();
                assertFalse(threads.toString(), threads.stream().anyMatch(name -> name.startsWith("runKechainService")));
                most = Math.max(most, threads.size());
                Thread.sleep(100);
            }
            assertTrue("threads in the step at once: " + most, most <= 10);
            kechain.status = "COMPLETED";
            for (WorkflowRun run : runs) {
                j.assertBuildStatusSuccess(j.waitForCompletion(run));
            }
            assertEquals("started once, then attached to", 50, kechain.count(EXECUTE));
            assertEquals(0, kechain.count(TERMINATE));
        });
    }

    /** The execution as a restart finds it: what {@link StepContext#saveState()} wrote when KE-chain answered the start. */
    private static volatile byte[] savedExecution;

    /**
     * A step context outside any Pipeline, so that a test can restart one step at a chosen point: it hands out a
     * build and a console, records the outcome, and on {@link #saveState()} keeps the execution serialized, as the
     * Pipeline's saved state would. A context read back with the execution is a fresh one on the same build.
     */
    private static final class SavedContext extends StepContext {
        private static final long serialVersionUID = 1L;
        /** What the context hands out; static because a context read back from its saved form must find them too. */
        static volatile Run<?, ?> build;
        static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

        transient StepExecution execution;
        final transient CompletableFuture<Object> outcome = new CompletableFuture<>();

        private Object readResolve() {
            return new SavedContext();
        }

        @Override
        public <T> T get(Class<T> key) {
            if (key == Run.class) {
                return key.cast(build);
            }
            return key == TaskListener.class ? key.cast(new StreamTaskListener(CONSOLE, StandardCharsets.UTF_8)) : null;
        }

        @Override
        public void onSuccess(Object result) {
            outcome.complete(result);
        }

        @Override
        public void onFailure(Throwable t) {
            outcome.completeExceptionally(t);
        }

        @Override
        public boolean isReady() {
            return outcome.isDone();
        }

        @Override
        public ListenableFuture<Void> saveState() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(execution);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            savedExecution = bytes.toByteArray();
            return Futures.immediateFuture(null);
        }

        @Override
        @Deprecated
        public void setResult(Result result) {}

        @Override
        public BodyInvoker newBodyInvoker() {
            throw new IllegalStateException("runKechainService has no body");
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @Test
    public void withoutWaitingARestartLeavesTheExecutionRunning() throws Throwable {
        kechain.status = "LOADING";
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("executionId", FakeKechain.EXECUTION);
        answer.put("status", "LOADING");
        answer.put("url", FakeKechain.executionUrl(server.url("/").toString()));
        answer.put("attached", false);
        answer.put("timedOut", false);
        answer.put("dryRun", false);
        sessions.then(j -> {
            configure();
            SavedContext.build = j.buildAndAssertSuccess(j.createFreeStyleProject("f"));
            RunKechainServiceStep step = new RunKechainServiceStep("Bike Project", "Gears");
            step.setWait(false);
            SavedContext context = new SavedContext();
            context.execution = new RunKechainServiceExecution(context, step);
            assertFalse("it answers later, off the calling thread", context.execution.start());
            assertEquals(answer, context.outcome.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(EXECUTE), serviceRequests());
        });
        kechain.requests.clear();
        // Jenkins went down after the start was saved and before the step's answer was (e.g. it was killed).
        sessions.then(j -> {
            SavedContext.build = j.jenkins.getItemByFullName("f", FreeStyleProject.class).getBuildByNumber(1);
            StepExecution resumed;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(savedExecution))) {
                resumed = (StepExecution) in.readObject();
            }
            resumed.onResume();
            assertEquals("the answer KE-chain gave at the start", answer,
                    ((SavedContext) resumed.getContext()).outcome.get(30, TimeUnit.SECONDS));
            Thread.sleep(2_000); // a look or a terminate request would come at once
            assertEquals("neither followed nor terminated", List.of(), kechain.requests);
            assertTrue(SavedContext.CONSOLE.toString(StandardCharsets.UTF_8).contains("[Project Boards] Jenkins restarted; KE-chain execution "
                    + FakeKechain.EXECUTION + " was started without waiting (wait: false), so it is left running"));
        });
    }
}
