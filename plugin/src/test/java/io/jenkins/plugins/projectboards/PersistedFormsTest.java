package io.jenkins.plugins.projectboards;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.diagnosis.OldDataMonitor;
import hudson.model.CauseAction;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.projectboards.client.release.ReleaseLedger;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.KechainConnection;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.connection.ProjectplaceConnection;
import io.jenkins.plugins.projectboards.freestyle.BoardBuildStep;
import io.jenkins.plugins.projectboards.freestyle.BoardPostBuildAction;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.CommentOnTaskStep;
import io.jenkins.plugins.projectboards.steps.CreateTaskStep;
import io.jenkins.plugins.projectboards.steps.MoveCardStep;
import io.jenkins.plugins.projectboards.steps.NotifyBoardStep;
import io.jenkins.plugins.projectboards.steps.OpenOnFailure;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.FakeKechain;
import io.jenkins.plugins.projectboards.tracking.LinkedCard;
import io.jenkins.plugins.projectboards.tracking.LinkedCardsAction;
import io.jenkins.plugins.projectboards.tracking.ReleaseLedgerAction;
import io.jenkins.plugins.projectboards.webhook.BoardEventAction;
import io.jenkins.plugins.projectboards.webhook.BoardEventCause;
import io.jenkins.plugins.projectboards.webhook.BoardEventTrigger;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockWebServer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.recipes.LocalData;

/**
 * Every format the plugin writes to disk is an upgrade promise: these tests load {@code JENKINS_HOME}s written by an
 * earlier version of the plugin (the zips next to this class, see their README) and check that every saved value
 * comes back, so that renaming a persisted class or field, or changing a field's type, fails here instead of in a
 * user's Jenkins. A value lost on load reads as {@code null} or a default, and XStream reports the element it could
 * not place to {@link OldDataMonitor}; both are asserted.
 */
public class PersistedFormsTest {
    /**
     * The port of the fake KE-chain the saved running Pipeline of {@code runningKechainService.zip} follows. This and
     * the next are below Linux's ephemeral range (32768+), so no other test's server is given them by chance.
     */
    private static final int SAVED_KECHAIN_PORT = 28461;
    /** The port of the fake Kanboard the saved waiting gate of {@code waitingGate.zip} looks at. */
    private static final int SAVED_KANBOARD_PORT = 28462;
    /** How long a test waits for its saved port while another run of this class holds it. */
    private static final Duration PORT_WAIT = Duration.ofMinutes(3);

    /** The execution the saved Pipeline follows, still running when Jenkins starts. */
    private final FakeKechain kechain = new FakeKechain();

    {
        kechain.status = "RUNNING";
    }

    /** Card 1 (reference REF-1) in Todo, as when the gate was saved. */
    private final FakeBoards.Kanboard kanboard = new FakeBoards.Kanboard(1, Duration.ZERO);

    public final JenkinsRule j = new JenkinsRule();

    /** The fakes start before Jenkins: a Jenkins loading a home resumes its Pipelines while it starts. */
    @Rule
    public final RuleChain rules = RuleChain.outerRule(new SavedServer("runningKechainService", SAVED_KECHAIN_PORT, kechain))
            .around(new SavedServer("waitingGate", SAVED_KANBOARD_PORT, kanboard)).around(j);

    /**
     * The fake vendor a saved home's connection points at, served on that connection's loopback port around each test
     * that loads the home (no other test holds the port).
     *
     * <p>The port is fixed because the saved connection names it and a saved home is never changed; nor can a test
     * rewrite the URL between {@code @LocalData} unzipping the home and Jenkins loading it. Two runs of this class at
     * once (two harness runs on one machine) need the same port: the later one waits for it up to {@link #PORT_WAIT}
     * (the other run's test takes well under that), then fails naming the port and why it is fixed, not with a bare
     * bind error.
     */
    private static final class SavedServer implements TestRule {
        private final String home;
        private final int port;
        private final Dispatcher dispatcher;

        SavedServer(String home, int port, Dispatcher dispatcher) {
            this.home = home;
            this.port = port;
            this.dispatcher = dispatcher;
        }

        @Override
        public Statement apply(Statement test, Description description) {
            LocalData loaded = description.getAnnotation(LocalData.class);
            if (loaded == null || !loaded.value().equals(home)) {
                return test;
            }
            return new Statement() {
                @Override
                public void evaluate() throws Throwable {
                    MockWebServer server = new MockWebServer();
                    server.setDispatcher(dispatcher);
                    InetAddress loopback = InetAddress.getByName("127.0.0.1");
                    waitUntilFree(loopback);
                    try {
                        server.start(loopback, port);
                    } catch (BindException e) {
                        // Taken again between the check and the start.
                        throw taken(e);
                    }
                    try {
                        test.evaluate();
                    } finally {
                        server.shutdown();
                    }
                }
            };
        }

        private void waitUntilFree(InetAddress loopback) throws IOException, InterruptedException {
            long giveUpAt = System.nanoTime() + PORT_WAIT.toNanos();
            boolean told = false;
            while (!free(loopback)) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw taken(null);
                }
                if (!told) {
                    System.err.println("PersistedFormsTest: port " + port + " is taken (another run of this test?); waiting up to "
                            + PORT_WAIT.toMinutes() + " minutes for it");
                    told = true;
                }
                Thread.sleep(500);
            }
        }

        /**
         * Whether the port can be bound as MockWebServer binds a fixed port: reusing the address, so that a closed
         * server's connections in TIME_WAIT do not count.
         */
        private boolean free(InetAddress loopback) throws IOException {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(loopback, port));
                return true;
            } catch (BindException e) {
                return false;
            }
        }

        private IllegalStateException taken(BindException cause) {
            return new IllegalStateException("port " + port + " on 127.0.0.1 is taken (after waiting up to " + PORT_WAIT.toMinutes()
                    + " minutes): the saved connection of " + home + ".zip points there, so the test's fake server must listen on "
                    + "that fixed port; a saved home is never changed. Another run of PersistedFormsTest (a second harness run on "
                    + "this machine) or another program holds it", cause);
        }
    }

    /** Nothing saved by the plugin failed to load: XStream reports what it could not read here. */
    private void assertNothingFailedToLoad() {
        assertEquals(Map.of(), ExtensionList.lookupSingleton(OldDataMonitor.class).getData());
    }

    /** The options every saved connection has, in the order they are saved. */
    private static List<Object> common(BoardConnection connection) {
        return Arrays.asList(connection.getName(), connection.getUrl(), connection.getCredentialsId(), connection.getConnectTimeoutSeconds(),
                connection.getReadTimeoutSeconds(), connection.getDefaultBoard(), connection.getWebhookCredentialsId(),
                connection.getWebhookUrl(), connection.getReferencePatterns());
    }

    @Test
    @LocalData("boards")
    public void theGlobalConfigurationLoadsAsSaved() {
        ProjectBoardsConfiguration configuration = ProjectBoardsConfiguration.get();
        assertEquals("pl", configuration.getDefaultConnection());
        assertFalse(configuration.isFailOnError());
        List<BoardConnection> connections = configuration.getConnections();
        assertEquals(List.of(KanboardConnection.class, PlankaConnection.class, ProjectplaceConnection.class, KechainConnection.class),
                connections.stream().map(Object::getClass).toList());
        assertEquals(List.of("kb", "https://kanboard.example/jsonrpc.php", "kanboard-token", 5, 40, "Operations", "webhook-secret",
                "https://ci.example/project-boards-webhook/kb", "KB-(\\d+)"), common(connections.get(0)));
        assertEquals("jenkins-bot", ((KanboardConnection) connections.get(0)).getCommentUser());
        assertEquals(List.of("pl", "https://planka.example", "planka-key", 6, 41, "Releases", "webhook-secret",
                "https://ci.example/project-boards-webhook/pl", "PL-(\\d+)\nplanka#(\\d+)"), common(connections.get(1)));
        assertEquals(List.of("pp", "https://api.projectplace.example", "projectplace-robot", 7, 42, "Roadmap", "webhook-secret",
                "https://ci.example/project-boards-webhook/pp", "PP-(\\d+)"), common(connections.get(2)));
        assertEquals(List.of("kc", "https://acme.ke-chain.example/", "kechain-token", 8, 43, "Bike Project", "webhook-secret",
                "https://ci.example/project-boards-webhook/kc", "KC-(\\w+)"), common(connections.get(3)));
        for (BoardConnection connection : connections) {
            assertEquals(null, connection.problem());
            assertFalse(connection.isUserInfoRemoved());
        }
        assertNothingFailedToLoad();
    }

    /** What every step has: connection, failOnError, dryRun. */
    private static List<Object> common(BoardStep step) {
        return Arrays.asList(step.getConnection(), step.getFailOnError(), step.isDryRun());
    }

    @Test
    @LocalData("boards")
    public void aFreestyleJobKeepsEveryOperation() {
        FreeStyleProject job = j.jenkins.getItemByFullName("operations", FreeStyleProject.class);
        List<BoardStep> builders = job.getBuildersList().stream().map(builder -> ((BoardBuildStep) builder).getOperation()).toList();
        assertEquals(List.of(CreateTaskStep.class, MoveCardStep.class, CommentOnTaskStep.class),
                builders.stream().map(Object::getClass).toList());

        CreateTaskStep create = (CreateTaskStep) builders.get(0);
        assertEquals(List.of("kb", false, true), common(create));
        assertEquals(List.of("Deploy ${BUILD_TAG}", "Operations", "Ready", "Deployed by ${BUILD_URL}", List.of("deploy", "prod"),
                "2030-01-31", "alice", "${BUILD_TAG}"), Arrays.asList(create.getTitle(), create.getBoard(), create.getColumn(),
                create.getDescription(), create.getLabels(), create.getDue(), create.getAssignee(), create.getReference()));

        MoveCardStep move = (MoveCardStep) builders.get(1);
        assertEquals(List.of("pl", true, true), common(move));
        assertEquals(List.of("ref:${BUILD_TAG}", "Done", "Releases", "top"),
                Arrays.asList(move.getCard(), move.getColumn(), move.getBoard(), move.getPosition()));

        CommentOnTaskStep comment = (CommentOnTaskStep) builders.get(2);
        assertEquals(List.of("pp", false, true), common(comment));
        assertEquals(List.of("#42", "Built ${BUILD_NUMBER}", "Roadmap"), Arrays.asList(comment.getTask(), comment.getText(), comment.getBoard()));

        List<BoardStep> publishers = job.getPublishersList().stream()
                .map(publisher -> ((BoardPostBuildAction) publisher).getOperation()).toList();
        assertEquals(List.of(NotifyBoardStep.class, ReleaseCardsStep.class), publishers.stream().map(Object::getClass).toList());

        NotifyBoardStep notify = (NotifyBoardStep) publishers.get(0);
        assertEquals(List.of("kb", true, true), common(notify));
        assertEquals(List.of(List.of("#42", "ref:EXT-7"), "Operations", "Done", "Review", "Blocked", "Ready", false),
                Arrays.asList(notify.getCards(), notify.getBoard(), notify.getMoveOnSuccess(), notify.getMoveOnUnstable(),
                        notify.getMoveOnFailure(), notify.getMoveOnAborted(), notify.isComment()));
        // Saved before openOnFailure existed: no failure card.
        assertEquals(null, notify.getOpenOnFailure());

        ReleaseCardsStep release = (ReleaseCardsStep) publishers.get(1);
        assertEquals(List.of("pl", false, true), common(release));
        assertEquals(List.of("1.4.${BUILD_NUMBER}", "Releases", "Released", false),
                Arrays.asList(release.getVersion(), release.getBoard(), release.getMoveTo(), release.isComment()));
        assertNothingFailedToLoad();
    }

    @Test
    @LocalData("failureCard")
    public void aFreestyleJobKeepsItsFailureCard() {
        FreeStyleProject job = j.jenkins.getItemByFullName("broken", FreeStyleProject.class);
        NotifyBoardStep notify = (NotifyBoardStep) job.getPublishersList().get(BoardPostBuildAction.class).getOperation();
        assertEquals(List.of("kb", true, false), common(notify));
        assertEquals(List.of("Operations", "Done"), Arrays.asList(notify.getBoard(), notify.getMoveOnSuccess()));
        OpenOnFailure openOnFailure = notify.getOpenOnFailure();
        assertNotNull(openOnFailure);
        assertEquals(List.of("Incidents", "Backlog", List.of("ci", "broken"), List.of("FAILURE", "UNSTABLE")),
                Arrays.asList(openOnFailure.getBoard(), openOnFailure.getColumn(), openOnFailure.getLabels(), openOnFailure.getResults()));
        assertNothingFailedToLoad();
    }

    @Test
    @LocalData("boards")
    public void aJobKeepsItsBoardEventTrigger() {
        FreeStyleProject job = j.jenkins.getItemByFullName("tracked", FreeStyleProject.class);
        BoardEventTrigger trigger = job.getTrigger(BoardEventTrigger.class);
        assertNotNull(trigger);
        assertEquals(List.of("pl", "Releases, Roadmap", "card.moved, cardUpdate", "Ready"),
                Arrays.asList(trigger.getConnection(), trigger.getBoards(), trigger.getEvents(), trigger.getToColumn()));
        assertNothingFailedToLoad();
    }

    /** A card entry as one line, so that a failure shows every field. */
    private static String line(LinkedCard card) {
        return String.join(" | ", Stream.of(card.getConnection(), card.getVendor(), card.getId(), card.getTitle(), card.getUrl(), card.getWhat(),
                card.getDetail()).map(String::valueOf).toList());
    }

    @Test
    @LocalData("boards")
    public void aBuildKeepsItsCardsReleaseLedgersAndBoardEvent() throws Exception {
        FreeStyleBuild build = j.jenkins.getItemByFullName("tracked", FreeStyleProject.class).getBuildByNumber(1);
        assertEquals(Result.SUCCESS, build.getResult());

        BoardEventCause cause = build.getAction(CauseAction.class).findCause(BoardEventCause.class);
        assertNotNull(cause);
        assertEquals(List.of("pl", "card.moved", "cardUpdate", "Releases", "2002", "Deploy 1.4", "https://planka.example/cards/2002", "Todo",
                        "Ready", "alice"),
                Arrays.asList(cause.getConnection(), cause.getEvent(), cause.getVendorEvent(), cause.getBoard(), cause.getCardId(),
                        cause.getCardTitle(), cause.getCardUrl(), cause.getFromColumn(), cause.getToColumn(), cause.getActor()));
        assertEquals("Started by a Planka event: card.moved of card Deploy 1.4 (Todo \u2192 Ready) by alice", cause.getShortDescription());
        assertSame("the action holds the cause itself, as saved", cause, build.getAction(BoardEventAction.class).getEvent());

        LinkedCardsAction cards = build.getAction(LinkedCardsAction.class);
        assertNotNull(cards);
        String kanboardCard = "https://kanboard.example/?controller=TaskViewController&action=show&task_id=42";
        assertEquals(List.of(
                "kb | Kanboard | 42 | Deploy 1.4 | " + kanboardCard + " | CREATED | column 'Ready'",
                "kb | Kanboard | 42 | Deploy 1.4 | " + kanboardCard + " | MOVED | Ready \u2192 Done",
                "pl | Planka | 2002 | Deploy 1.4 | https://planka.example/cards/2002 | COMMENTED | null",
                "pl | Planka | 2002 | Deploy 1.4 | https://planka.example/cards/2002 | NOTIFIED | SUCCESS",
                "pl | Planka | 2003 | Fix login | https://planka.example/cards/2003 | RELEASED | 1.4.0",
                "pl | Planka | ref:EXT-9 | null | null | FAILED | no card with reference EXT-9"),
                cards.getCards().stream().map(PersistedFormsTest::line).toList());

        EnvVars env = build.getEnvironment(j.createTaskListener());
        assertEquals("42,2002,2003", env.get("BOARD_CARDS"));
        assertEquals("2002", env.get("BOARD_CARD_ID"));
        assertEquals("Ready", env.get("BOARD_TO_COLUMN"));

        Map<String, Integer> carried = new LinkedHashMap<>();
        carried.put("#43", 2);
        carried.put("ref:EXT-9", 1);
        ReleaseLedgerAction planka = ReleaseLedgerAction.latest(build, "pl");
        assertEquals(3, planka.getGeneration());
        assertEquals(new ReleaseLedger(Set.of("1.4.0 ID:2003", "1.4.0 REFERENCE:EXT-7"), carried, Set.of("#43")), planka.ledger());
        assertEquals("carried cards keep their order", List.of("#43", "ref:EXT-9"), List.copyOf(planka.ledger().carried().keySet()));
        ReleaseLedgerAction kanboard = ReleaseLedgerAction.latest(build, "kb");
        assertEquals(1, kanboard.getGeneration());
        assertEquals(new ReleaseLedger(Set.of("1.3.9 ID:41"), Map.of(), Set.of()), kanboard.ledger());
        assertNothingFailedToLoad();
    }

    /**
     * The execution's saved state, by field name: Java serialization (a Pipeline's {@code program.dat}) matches fields
     * by name, so a renamed field reads as its default, and a field added since needs a decision about what an
     * execution saved without it reads as. Either shows here as a different map.
     */
    private static Map<String, Object> savedFields(StepExecution execution) throws IllegalAccessException {
        Map<String, Object> fields = new TreeMap<>();
        for (Field field : execution.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                field.setAccessible(true);
                fields.put(field.getName(), field.get(execution));
            }
        }
        return fields;
    }

    @Test
    @LocalData("runningKechainService")
    public void aRunningKechainServiceIsFollowedAgainAndEndsWhenTheServiceIsDone() throws Exception {
        WorkflowRun run = j.jenkins.getItemByFullName("kechain", WorkflowJob.class).getBuildByNumber(1);
        String execution = FakeKechain.EXECUTION;
        j.waitForMessage("[Project Boards] Jenkins restarted; following KE-chain execution " + execution + " again", run);
        assertTrue(run.isBuilding());
        List<StepExecution> running = run.getExecution().getCurrentExecutions(true).get(30, TimeUnit.SECONDS);
        assertEquals(1, running.size());
        Map<String, Object> saved = new TreeMap<>();
        saved.put("connectionName", "kc");
        saved.put("failOnError", true);
        saved.put("dryRun", false);
        saved.put("scope", "Bike Project");
        saved.put("service", "Gears");
        saved.put("wait", true);
        saved.put("timeoutMinutes", 52_596_000);
        saved.put("ifRunning", "attach");
        saved.put("executionId", execution);
        saved.put("attached", false);
        saved.put("serviceName", "Gears");
        saved.put("url", "http://127.0.0.1:" + SAVED_KECHAIN_PORT + "/executions/" + execution);
        // Started at 1796082418425 (epoch millis), with a timeout of a hundred years so that the saved wait never ends by itself.
        saved.put("deadlineEpochMillis", 1_796_082_418_425L + TimeUnit.MINUTES.toMillis(52_596_000));
        saved.put("lastStatus", "RUNNING");
        assertEquals(saved, savedFields(running.get(0)));

        kechain.status = "COMPLETED";
        j.assertBuildStatusSuccess(j.waitForCompletion(run));
        j.assertLogContains("[Project Boards] KE-chain execution " + execution + ": COMPLETED", run);
        j.assertLogContains("final=COMPLETED id=" + execution + " attached=false", run);
        // Followed, never started again nor terminated: after the restart only looks at the execution, then its log.
        String look = "GET /api/service_executions/" + execution + ".json";
        String log = "GET /api/service_executions/" + execution + "/log";
        List<String> requests = List.copyOf(kechain.requests);
        assertEquals(requests.toString(), log, requests.get(requests.size() - 1));
        assertEquals(requests.toString(), Set.of(look), new LinkedHashSet<>(requests.subList(0, requests.size() - 1)));
        assertTrue("the saved credential: " + kechain.authorizations,
                kechain.authorizations.stream().allMatch("Token test-kechain-token"::equals));
        assertNothingFailedToLoad();
    }

    /** The card the saved gate waits for, and what the resumed gate reads it with: the saved API token. */
    private static final String GATE_CARD_URL = "http://127.0.0.1:" + SAVED_KANBOARD_PORT
            + "/?controller=TaskViewController&action=show&task_id=1";
    private static final String SAVED_KANBOARD_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("jsonrpc:test-kanboard-token".getBytes(StandardCharsets.UTF_8));
    /** When the saved gate opened (epoch millis); its timeout of a hundred years means the saved wait never ends by itself. */
    private static final long GATE_STARTED_AT = 1_796_104_723_770L;
    /** The deadline the gate printed before Jenkins stopped: saved start + timeout, to the second. */
    private static final String GATE_DEADLINE = "2126-12-02T05:58:43Z";

    /** The saved build, once Jenkins has resumed it and its gate has looked at the card again. */
    private WorkflowRun resumedGate() throws Exception {
        WorkflowRun run = j.jenkins.getItemByFullName("gate", WorkflowJob.class).getBuildByNumber(1);
        j.waitForMessage("[Project Boards] Jenkins restarted; waiting again for card Card 1 (last seen in 'Todo')", run);
        assertTrue(run.isBuilding());
        return run;
    }

    @Test
    @LocalData("waitingGate")
    public void aWaitingGateResumesWithItsSavedCardCommentAndDeadline() throws Exception {
        WorkflowRun run = resumedGate();
        List<StepExecution> running = run.getExecution().getCurrentExecutions(true).get(30, TimeUnit.SECONDS);
        assertEquals(1, running.size());
        Map<String, Object> saved = new TreeMap<>();
        saved.put("connectionName", "kb");
        saved.put("failOnError", true);
        saved.put("dryRun", false);
        saved.put("card", "ref:REF-1");
        saved.put("board", "Shop");
        saved.put("approving", List.of("Done"));
        saved.put("rejecting", List.of("Doing"));
        saved.put("label", "approved");
        saved.put("timeoutMinutes", 52_596_000);
        saved.put("comment", "Build #1 waits for approval: move this card to Done");
        saved.put("cardId", "1");
        saved.put("cardTitle", "Card 1");
        saved.put("cardUrl", GATE_CARD_URL);
        saved.put("startedAtEpochMillis", GATE_STARTED_AT);
        saved.put("lastColumn", "Todo");
        saved.put("commented", true);
        assertEquals(saved, savedFields(running.get(0)));
        assertEquals(GATE_DEADLINE,
                Instant.ofEpochMilli(GATE_STARTED_AT).plus(Duration.ofMinutes(52_596_000)).truncatedTo(ChronoUnit.SECONDS).toString());
        // The gate waits for the deadline it printed before the restart, not for a hundred years from now.
        j.assertLogContains("gives up at " + GATE_DEADLINE + ")", run);
        String page = j.createWebClient().getPage(run).asNormalizedText();
        assertTrue(page, page.contains("Waiting for card Card 1 to reach Done or label approved (now in Todo; gives up at "
                + GATE_DEADLINE + ")"));
        assertNothingFailedToLoad();
    }

    @Test
    @LocalData("waitingGate")
    public void aWaitingGateLooksAgainAtOnceAndIsApprovedByADeliveryWithoutCommentingTwice() throws Exception {
        WorkflowRun run = resumedGate();
        // At once after the restart: the card read again by its saved id (its board and columns to place it).
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getTask", "getTaskTags"), kanboard.methods());
        kanboard.moveTo("1", "Done");
        assertEquals(202, BoardsTestSupport.deliverKanboardMove(j, "kb", "test-kanboard-webhook-token", "1", "Todo", "Done"));
        j.assertBuildStatusSuccess(j.waitForCompletion(run));
        j.assertLogContains("[Project Boards] Card Card 1 approved: it is in 'Done' by alice", run);
        j.assertLogContains("approved=true id=1 url=" + GATE_CARD_URL + " column=Done from=Todo by=alice", run);
        // Then one more read of the card for the delivery; no write: the comment was posted before the restart.
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getTask", "getTaskTags", "getTask", "getTaskTags"),
                kanboard.methods());
        assertEquals(Set.of("{\"task_id\":1}"), Stream.concat(kanboard.params("getTask").stream(), kanboard.params("getTaskTags").stream())
                .map(Object::toString).collect(Collectors.toSet()));
        j.assertLogContains("[Project Boards] Commented on card Card 1", run);
        String log = JenkinsRule.getLog(run);
        assertEquals("the comment line is the one from before the restart", log.indexOf("Commented on card"),
                log.lastIndexOf("Commented on card"));
        assertTrue("the saved credential: " + kanboard.authorizations,
                kanboard.authorizations.stream().allMatch(SAVED_KANBOARD_AUTHORIZATION::equals));
        assertNothingFailedToLoad();
    }
}
