package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Computer;
import hudson.model.Result;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * {@code waitForCard} in sandboxed Declarative Pipelines on board-client's fake Kanboard (columns Todo, Doing, Done;
 * the gates wait for Done and are rejected in Doing): woken by a webhook delivery, by the poll, rejected, timed out,
 * aborted, across a restart, twenty at once holding no executor and no thread each.
 */
public class WaitForCardStepTest {
    private static final String TOKEN = "kanboard-app-token-0123456789";
    private static final String WEBHOOK_TOKEN = "kanboard-webhook-token-42";

    @Rule
    public final JenkinsSessionRule sessions = new JenkinsSessionRule();

    private final MockWebServer server = new MockWebServer();
    /** While set, the board is unreachable: every request is read and its connection dropped before an answer. */
    private volatile boolean down;
    /** Requests dropped while down. */
    private final AtomicInteger dropped = new AtomicInteger();
    private final FakeBoards.Kanboard kanboard = new FakeBoards.Kanboard(20, Duration.ZERO);

    @Before
    public void startKanboard() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (down) {
                    dropped.incrementAndGet();
                    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
                }
                return kanboard.dispatch(request);
            }
        });
        server.start();
        // Only deliveries wake a gate unless a test polls.
        WaitForCardExecution.pollMillis = Duration.ofMinutes(10).toMillis();
    }

    @After
    public void stopKanboard() throws Exception {
        server.shutdown();
        WaitForCardExecution.pollMillis = 0;
        WaitForCardExecution.clock = Clock.systemUTC();
    }

    private void configure() throws Exception {
        BoardsTestSupport.addSecretText("kanboard-token", TOKEN);
        BoardsTestSupport.addSecretText("kanboard-webhook", WEBHOOK_TOKEN);
        KanboardConnection connection = new KanboardConnection("kanboard", server.url("/jsonrpc.php").toString(), "kanboard-token");
        connection.setCommentUser("jenkins");
        connection.setWebhookCredentialsId("kanboard-webhook");
        BoardsTestSupport.configure(connection);
    }

    /** A Declarative Pipeline that holds no agent while it waits, and prints the gate's result. */
    private static WorkflowJob job(JenkinsRule j, String name, String arguments) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition("""
                pipeline {
                  agent none
                  stages {
                    stage('Approval') {
                      steps {
                        script {
                          def gate = waitForCard(connection: 'kanboard', %s)
                          echo "approved=${gate.approved} id=${gate.id} column=${gate.column} from=${gate.previousColumn} by=${gate.by} error=${gate.error}"
                        }
                      }
                    }
                  }
                }""".formatted(arguments), true));
        return p;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void waitForLog(WorkflowRun run, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!JenkinsRule.getLog(run).contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no '" + text + "' in the log:\n" + JenkinsRule.getLog(run));
            }
            Thread.sleep(20);
        }
    }

    /** Kanboard's delivery that alice moved {@code task} from {@code from} to {@code to}, to this Jenkins' endpoint. */
    private int deliverMove(JenkinsRule j, String task, String from, String to) throws Exception {
        return BoardsTestSupport.deliverKanboardMove(j, "kanboard", WEBHOOK_TOKEN, task, from, to);
    }

    private List<String> writes() {
        return kanboard.methods().stream().filter(method -> !method.startsWith("get")).toList();
    }

    @Test
    public void aWebhookDeliveryApprovesWithinASecondAndTheBuildPageShowsTheWait() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "gate", "card: '1', column: 'Done', rejectColumns: ['Doing'],"
                    + " comment: \"Build #${env.BUILD_NUMBER} waits for approval: move this card to Done\"").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card");
            j.assertLogContains("[Project Boards] Commented on card Card 1", run);
            j.assertLogContains("[Project Boards] Waiting for card Card 1 to reach Done (now in 'Todo'; gives up at ", run);
            // The deadline to the second, as people read it.
            assertTrue(JenkinsRule.getLog(run), Pattern.compile("gives up at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)")
                    .matcher(JenkinsRule.getLog(run)).find());
            String page = j.createWebClient().getPage(run).asNormalizedText();
            assertTrue(page, page.contains("Waiting for card Card 1 to reach Done (now in Todo; gives up at "));
            assertEquals(List.of("createComment"), writes());
            JsonNode comment = kanboard.params("createComment").get(0);
            assertEquals(Json.MAPPER.readTree("{\"task_id\":1,\"user_id\":1,\"content\":\"Build #1 waits for approval: move this card to Done\"}"),
                    comment);
            kanboard.moveTo("1", "Done");
            long sent = System.nanoTime();
            assertEquals(202, deliverMove(j, "1", "Todo", "Done"));
            waitFor("the build to end", () -> !run.isBuilding());
            long tookMillis = (System.nanoTime() - sent) / 1_000_000;
            assertTrue("took " + tookMillis + " ms", tookMillis < 1000);
            j.assertBuildStatusSuccess(run);
            j.assertLogContains("[Project Boards] Card Card 1 approved: it is in 'Done' by alice", run);
            j.assertLogContains("approved=true id=1 column=Done from=Todo by=alice error=null", run);
            j.assertLogNotContains(TOKEN, run);
            assertEquals(List.of("createComment"), writes());
            assertEquals(0, WaitForCardExecution.waiting());
        });
    }

    @Test
    public void thePollApprovesWithoutDeliveries() throws Throwable {
        sessions.then(j -> {
            configure();
            WaitForCardExecution.pollMillis = 200;
            WorkflowRun run = job(j, "gate", "card: '2', columns: ['Done']").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card");
            kanboard.moveTo("2", "Done");
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("approved=true id=2 column=Done from=Todo by=null error=null", run);
            assertEquals(List.of(), writes());
            assertTrue(kanboard.params("getTask").size() >= 2);
        });
    }

    @Test
    public void aLabelApprovesInAnyColumn() throws Throwable {
        sessions.then(j -> {
            configure();
            WaitForCardExecution.pollMillis = 200;
            WorkflowRun run = job(j, "gate", "card: '10', label: 'approved', rejectColumns: ['Doing']").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card Card 10 to reach label approved (now in 'Todo'");
            kanboard.tag("10", "Approved");
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("approved=true id=10 column=Todo from=null by=null error=null", run);
        });
    }

    @Test
    public void aRejectColumnFailsTheStepOrReturnsApprovedFalse() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun failing = job(j, "strict", "card: '3', column: 'Done', rejectColumns: ['Doing']").scheduleBuild2(0).waitForStart();
            WorkflowRun lenient = job(j, "lenient", "card: '4', column: 'Done', rejectColumns: ['Doing'], failOnError: false")
                    .scheduleBuild2(0).waitForStart();
            waitForLog(failing, "Waiting for card");
            waitForLog(lenient, "Waiting for card");
            kanboard.moveTo("3", "Doing");
            kanboard.moveTo("4", "Doing");
            assertEquals(202, deliverMove(j, "3", "Todo", "Doing"));
            assertEquals(202, deliverMove(j, "4", "Todo", "Doing"));
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(failing));
            j.assertLogContains("ERROR: [Project Boards] Card 3 was rejected: moved to 'Doing' by alice", failing);
            j.assertLogNotContains("approved=", failing);
            j.assertLogNotContains("\tat ", failing);
            j.assertBuildStatusSuccess(j.waitForCompletion(lenient));
            j.assertLogContains("approved=false id=4 column=Doing from=Todo by=alice error=Card 4 was rejected: moved to 'Doing' by alice", lenient);
        });
    }

    @Test
    public void anUnknownColumnFailsAtOnceWithTheValidNamesAndADryRunWaitsForNothing() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun typo = j.buildAndAssertStatus(Result.FAILURE, job(j, "typo", "card: '5', column: 'Approved'"));
            j.assertLogContains("Kanboard resolve column: unknown column 'Approved'; valid columns: Todo, Doing, Done", typo);
            WorkflowRun dry = j.buildAndAssertSuccess(job(j, "dry", "card: '5', column: 'Done', dryRun: true, comment: 'not posted'"));
            j.assertLogContains("[Project Boards] [dry run] would wait for card Card 5, now in 'Todo'", dry);
            j.assertLogContains("approved=false id=5 column=Todo from=null by=null error=null", dry);
            assertEquals(List.of(), writes());
        });
    }

    @Test
    public void theTimeoutEndsTheGateWithAClearMessage() throws Throwable {
        sessions.then(j -> {
            configure();
            WaitForCardExecution.pollMillis = 200;
            WorkflowRun run = job(j, "gate", "card: '6', column: 'Done', timeoutMinutes: 5").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card");
            WaitForCardExecution.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));
            j.assertLogContains("ERROR: [Project Boards] Card 6 was not approved within 5 minutes; it is still in 'Todo'", run);
        });
    }

    @Test
    public void abortEndsTheGateAtOnce() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "gate", "card: '7', column: 'Done'").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card");
            long stopped = System.nanoTime();
            run.doStop();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
            assertTrue((System.nanoTime() - stopped) / 1_000_000 < 5000);
            assertEquals(0, WaitForCardExecution.waiting());
            // A later delivery for the card finds no gate.
            assertEquals(202, deliverMove(j, "7", "Todo", "Done"));
        });
    }

    @Test
    public void theGateSurvivesARestartWithoutCommentingTwice() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "gate", "card: '8', column: 'Done', comment: 'Move me to Done'").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card");
            assertEquals(List.of("createComment"), writes());
        });
        kanboard.moveTo("8", "Doing");
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("gate", WorkflowJob.class).getBuildByNumber(1);
            waitForLog(run, "Jenkins restarted; waiting again for card Card 8 (last seen in 'Doing')");
            assertTrue(run.isBuilding());
            kanboard.moveTo("8", "Done");
            assertEquals(202, deliverMove(j, "8", "Doing", "Done"));
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("approved=true id=8 column=Done from=Doing by=alice error=null", run);
            assertEquals("the comment once", List.of("createComment"), writes());
        });
    }

    /**
     * The threads of this JVM but Pipeline's own pool that runs the Groovy of every build (it grows with the builds
     * started and shrinks when idle, as for {@code input}; it is not held by a waiting step).
     */
    private static long threadsBesidesPipelines() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !thread.getName().startsWith("CpsVmExecutorService")).count();
    }

    @Test
    public void aRestartWhileTheBoardIsDownWaitsForTheBoard() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun run = job(j, "gate", "card: '9', column: 'Done'").scheduleBuild2(0).waitForStart();
            waitForLog(run, "Waiting for card");
        });
        down = true;
        sessions.then(j -> {
            WaitForCardExecution.pollMillis = 200;
            WorkflowRun run = j.jenkins.getItemByFullName("gate", WorkflowJob.class).getBuildByNumber(1);
            waitForLog(run, "[Project Boards] Could not look at card 9, still waiting: Kanboard ");
            // Each look is a request and its 2 retries: wait for at least three looks into the outage.
            for (int i = 0; i < 600 && dropped.get() < 9; i++) {
                Thread.sleep(100);
            }
            assertTrue("looks during the outage: " + dropped.get() + " requests", dropped.get() >= 9);
            assertTrue(run.isBuilding());
            kanboard.moveTo("9", "Done");
            down = false;
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("approved=true id=9 column=Done from=Todo by=null error=null", run);
            String log = JenkinsRule.getLog(run);
            assertEquals("the outage is reported once", log.indexOf("Could not look at card 9"), log.lastIndexOf("Could not look at card 9"));
            long retryLines = log.lines().filter(line -> line.contains("did not answer") && line.contains("; retrying in")).count();
            assertTrue("the retries of the first failed look only, not of every poll: " + retryLines + " lines", retryLines <= 2);
        });
    }

    @Test
    public void twentyGatesHoldNoExecutorAndNoThreadEach() throws Throwable {
        sessions.then(j -> {
            configure();
            WorkflowRun first = job(j, "gate0", "card: '20', column: 'Done'").scheduleBuild2(0).waitForStart();
            waitForLog(first, "Waiting for card");
            Thread.sleep(500);
            long threadsWithOne = threadsBesidesPipelines();
            List<WorkflowRun> runs = new ArrayList<>();
            for (int i = 1; i < 20; i++) {
                runs.add(job(j, "gate" + i, "card: '" + i + "', column: 'Done'").scheduleBuild2(0).waitForStart());
            }
            for (WorkflowRun run : runs) {
                waitForLog(run, "Waiting for card");
            }
            Thread.sleep(500);
            long threadsWithTwenty = threadsBesidesPipelines();
            for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                assertTrue(thread.getKey().getName() + " is in a gate", Arrays.stream(thread.getValue())
                        .noneMatch(frame -> frame.getClassName().startsWith(WaitForCardExecution.class.getName())));
            }
            assertEquals(20, WaitForCardExecution.waiting());
            for (Computer computer : j.jenkins.getComputers()) {
                assertEquals(computer.getName(), 0, computer.countBusy());
            }
            assertTrue("threads with one gate: " + threadsWithOne + ", with twenty: " + threadsWithTwenty,
                    // one thread per gate would be 19 more; a busy machine's shared pools may grow by a few
                    threadsWithTwenty - threadsWithOne < 10);
            runs.add(first);
            for (int i = 1; i <= 20; i++) {
                kanboard.moveTo(String.valueOf(i), "Done");
                assertEquals(202, deliverMove(j, String.valueOf(i), "Todo", "Done"));
            }
            for (WorkflowRun run : runs) {
                j.assertBuildStatusSuccess(j.waitForCompletion(run));
            }
        });
    }

    @Test
    public void snippetGeneratorRoundTripAndRequiredCard() throws Throwable {
        sessions.then(j -> {
            configure();
            WaitForCardStep step = new WaitForCardStep("ref:REL-1");
            step.setConnection("kanboard");
            step.setBoard("Shop");
            step.setColumn("Approved");
            step.setColumns(List.of("Released", "Done"));
            step.setRejectColumns(List.of("Rejected"));
            step.setTimeoutMinutes(90);
            step.setComment("Move me");
            step.setFailOnError(false);
            j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
            String check = "descriptorByName/io.jenkins.plugins.projectboards.steps.WaitForCardStep/checkCard?value=%20";
            j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
            j.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                    .grant(jenkins.model.Jenkins.ADMINISTER).everywhere().to("admin").grant(jenkins.model.Jenkins.READ).everywhere().to("reader"));
            assertTrue(BoardsTestSupport.postForm(j, "admin", check).getContentAsString().contains("Required: the card, by id, #id, reference or URL"));
            assertEquals(403, BoardsTestSupport.postForm(j, "reader", check).getStatusCode());
            assertEquals("ref:REL-1 \u2192 Approved \u2192 Released, Done", new WaitForCardStep.DescriptorImpl().argumentsToString(
                    Map.of("card", "ref:REL-1", "column", "Approved", "columns", List.of("Released", "Done"))));
        });
    }
}
