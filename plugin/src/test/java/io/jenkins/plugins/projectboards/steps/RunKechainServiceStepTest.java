package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.KechainConnection;
import io.jenkins.plugins.projectboards.testing.FakeKechain;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * runKechainService against a fake KE-chain that outlives Jenkins restarts: success, failure, no wait, stop, and a
 * wait that goes on after a restart without starting the service again.
 */
public class RunKechainServiceStepTest {
    private static final String TOKEN = "kechain-token-0123456789";
    private static final String EXECUTE = "GET /api/services/" + FakeKechain.SERVICE + "/execute?interactive=False&format=json";

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
        FakePlanka.addSecret("kechain-token", TOKEN);
        ProjectBoardsConfiguration.get().setConnections(List.<BoardConnection>of(
                new KechainConnection("kc", server.url("/").toString(), "kechain-token")));
    }

    private static WorkflowJob job(org.jvnet.hudson.test.JenkinsRule j, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    public void completedRunReturnsItsExecutionAndPrintsTheLog() throws Throwable {
        kechain.status = "COMPLETED";
        sessions.then(j -> {
            configure();
            WorkflowRun run = j.buildAndAssertSuccess(job(j, "def r = runKechainService(scope: 'Bike Project', service: 'Gears')\n"
                    + "echo \"id=${r.executionId} status=${r.status} attached=${r.attached} timedOut=${r.timedOut}\""));
            j.assertLogContains("id=" + FakeKechain.EXECUTION + " status=COMPLETED attached=false timedOut=false", run);
            j.assertLogContains("[Project Boards] Started KE-chain service Gears (execution " + FakeKechain.EXECUTION + ")", run);
            j.assertLogContains(">>> gears computed", run);
            j.assertLogNotContains(TOKEN, run);
            assertEquals(1, kechain.count(EXECUTE));
        });
    }

    @Test
    public void failedRunFailsTheBuildUnlessFailOnErrorIsFalse() throws Throwable {
        kechain.status = "FAILED";
        sessions.then(j -> {
            configure();
            WorkflowJob p = job(j, "runKechainService(scope: 'Bike Project', service: 'Gears')");
            WorkflowRun failed = j.buildAndAssertStatus(Result.FAILURE, p);
            j.assertLogContains("ERROR: [Project Boards] KE-chain service 'Gears' (execution " + FakeKechain.EXECUTION + ") ended FAILED", failed);
            kechain.running = false;
            p.setDefinition(new CpsFlowDefinition("def r = runKechainService(scope: 'Bike Project', service: 'Gears', failOnError: false)\n"
                    + "echo \"status=${r.status} error=${r.error}\"", true));
            WorkflowRun lenient = j.buildAndAssertSuccess(p);
            j.assertLogContains("status=FAILED error=KE-chain service 'Gears' (execution " + FakeKechain.EXECUTION + ") ended FAILED", lenient);
        });
    }

    @Test
    public void withoutWaitingItOnlyStartsTheService() throws Throwable {
        kechain.status = "LOADING";
        sessions.then(j -> {
            configure();
            WorkflowRun run = j.buildAndAssertSuccess(job(j, "def r = runKechainService(scope: 'Bike Project', service: 'Gears', wait: false)\n"
                    + "echo \"status=${r.status}\""));
            j.assertLogContains("status=LOADING", run);
            assertEquals(List.of(EXECUTE), kechain.requests.stream().filter(line -> line.contains("/api/service")).toList());
        });
    }

    @Test
    public void stoppingTheBuildTerminatesTheExecution() throws Throwable {
        kechain.status = "RUNNING";
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "runKechainService(scope: 'Bike Project', service: 'Gears')").scheduleBuild2(0).waitForStart();
            j.waitForMessage("KE-chain execution " + FakeKechain.EXECUTION + ": RUNNING", run);
            run.getExecutor().interrupt();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!kechain.requests.toString().contains("/terminate") && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, kechain.requests.stream().filter(line -> line.contains("/terminate")).count());
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
        kechain.status = "COMPLETED";
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("Jenkins restarted; following KE-chain execution " + FakeKechain.EXECUTION + " again", run);
            j.assertLogContains("final=COMPLETED", run);
            assertEquals("the service was started once", 1, kechain.count(EXECUTE));
        });
    }
}
