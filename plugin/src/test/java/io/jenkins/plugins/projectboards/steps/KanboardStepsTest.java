package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import java.time.Duration;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.mockwebserver.MockWebServer;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The card steps against Kanboard's JSON-RPC API (board-client's fake, which answers in the recorded shapes; the
 * tasks the steps create are 1001, 1002, …): the procedures called with their parameters, the application token sent as HTTP Basic, the comment user, and subscribeWebhook,
 * which Kanboard cannot do.
 */
public class KanboardStepsTest {
    private static final String TOKEN = "kanboard-app-token-0123456789";

    @Rule
    public final JenkinsRule j = new JenkinsRule();

    private final MockWebServer server = new MockWebServer();
    private final FakeBoards.Kanboard kanboard = new FakeBoards.Kanboard(0, Duration.ZERO);

    @Before
    public void startKanboard() throws Exception {
        server.setDispatcher(kanboard);
        server.start();
        BoardsTestSupport.addSecretText("kanboard-token", TOKEN);
        BoardsTestSupport.configure(connection("jenkins"));
    }

    @After
    public void stopKanboard() throws Exception {
        server.shutdown();
    }

    private KanboardConnection connection(String commentUser) {
        // The endpoint itself, as users copy it from Kanboard's settings.
        KanboardConnection connection = new KanboardConnection("kanboard", server.url("/jsonrpc.php").toString(), "kanboard-token");
        connection.setCommentUser(commentUser);
        return connection;
    }

    private String base() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(TOKEN, run);
        return run;
    }

    private static void assertParams(String json, Object actual) throws Exception {
        assertEquals(Json.MAPPER.readTree(json), actual);
    }

    @Test
    public void createMoveAndCommentCallTheProceduresWithTheirParameters() throws Exception {
        WorkflowRun run = run("def t = createTask(connection: 'kanboard', board: 'Shop', column: 'Doing', title: \"Release ${env.BUILD_NUMBER}\")\n"
                + "echo \"id=${t.id} url=${t.url} column=${t.column} board=${t.board} vendor=${t.vendor}\"\n"
                + "def m = moveCard(connection: 'kanboard', card: t.id, column: 'Done')\n"
                + "echo \"moved=${m.moved} from=${m.previousColumn} to=${m.column}\"\n"
                + "def c = commentOnTask(connection: 'kanboard', task: t.url, text: 'Shipped')\n"
                + "echo \"comment=${c.commentId} card=${c.card} id=${c.id}\"", Result.SUCCESS);

        String taskUrl = base() + "/?controller=TaskViewController&action=show&task_id=1001";
        j.assertLogContains("id=1001 url=" + taskUrl + " column=Doing board=Shop vendor=Kanboard", run);
        j.assertLogContains("moved=true from=Doing to=Done", run);
        j.assertLogContains("comment=1002 card=1001 id=1001", run);
        j.assertLogContains("[Project Boards] Created card Release 1 on Kanboard board 'Shop', column 'Doing'", run);
        j.assertLogContains("[Project Boards] Moved card Release 1 from 'Doing' to 'Done'", run);
        j.assertLogContains("[Project Boards] Commented on card 1001", run);

        // Each step makes its one write; everything else it called only reads.
        assertEquals(List.of("createTask", "moveTaskPosition", "createComment"), kanboard.methods().stream()
                .filter(method -> List.of("createTask", "moveTaskPosition", "createComment").contains(method)).toList());
        assertTrue(kanboard.methods().toString(), kanboard.methods().stream().allMatch(method -> List.of("getAllProjects", "getColumns",
                "getTask", "getUserByName", "createTask", "moveTaskPosition", "createComment").contains(method)));
        assertParams("""
                {"project_id":1}""", kanboard.params("getColumns").get(0));
        assertParams("""
                {"project_id":1,"title":"Release 1","column_id":12}""", kanboard.params("createTask").get(0));
        assertParams("""
                {"project_id":1,"task_id":1001,"column_id":13,"position":2147483647,"swimlane_id":0}""",
                kanboard.params("moveTaskPosition").get(0));
        assertParams("""
                {"username":"jenkins"}""", kanboard.params("getUserByName").get(0));
        assertParams("""
                {"task_id":1001,"user_id":1,"content":"Shipped"}""", kanboard.params("createComment").get(0));
        assertTrue(kanboard.calls.stream().allMatch(call -> call.path("jsonrpc").asText().equals("2.0") && call.has("id")));
        // The application token is the password of Kanboard's fixed user "jsonrpc", on every request.
        String basic = Credentials.basic("jsonrpc", TOKEN);
        assertTrue(kanboard.authorizations.toString(), kanboard.authorizations.stream().allMatch(basic::equals));
        assertEquals("Done", kanboard.columnOf("1001"));
        assertEquals(List.of("Shipped"), kanboard.comments.get("1001"));
    }

    @Test
    public void anUnknownColumnListsKanboardsColumns() throws Exception {
        WorkflowRun lenient = run("def t = createTask(connection: 'kanboard', board: 'Shop', title: 'x')\n"
                + "def r = moveCard(connection: 'kanboard', card: t.id, column: 'Shipped', failOnError: false)\n"
                + "echo \"error=${r.error}\"", Result.SUCCESS);
        String reason = "Kanboard resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done";
        j.assertLogContains("[Project Boards] " + reason + " (failOnError: false, continuing)", lenient);
        j.assertLogContains("error=" + reason, lenient);
        assertEquals("a task without column goes to the first one", "Todo", kanboard.columnOf("1001"));
        assertEquals(List.of(), kanboard.params("moveTaskPosition"));
    }

    @Test
    public void commentsNeedACommentUserWithTheApplicationToken() throws Exception {
        BoardsTestSupport.configure(connection(null));
        WorkflowRun run = run("def t = createTask(connection: 'kanboard', board: 'Shop', title: 'x')\n"
                + "commentOnTask(connection: 'kanboard', task: t.id, text: 'hello')", Result.FAILURE);
        j.assertLogContains("ERROR: [Project Boards] Kanboard createComment: with the application API token, Kanboard needs a user"
                + " to write comments as: set the connection's comment user (a Kanboard user name)", run);
        j.assertLogNotContains("\tat ", run);
        assertEquals(List.of(), kanboard.params("createComment"));
    }

    @Test
    public void subscribeWebhookSaysKanboardCannotUnlessFailOnErrorIsFalse() throws Exception {
        String reason = "Kanboard subscribeWebhook: Kanboard cannot register webhooks through its API; an administrator sets the one"
                + " webhook URL under Settings";
        // A Kanboard connection meant for webhooks has its webhook token as the secret (without one the step says that first).
        BoardsTestSupport.addSecretText("kanboard-webhook", "kanboard-webhook-token-0123456789");
        KanboardConnection withSecret = connection("jenkins");
        withSecret.setWebhookCredentialsId("kanboard-webhook");
        BoardsTestSupport.configure(withSecret);
        WorkflowRun lenient = run("def r = subscribeWebhook(connection: 'kanboard', board: 'Shop', failOnError: false)\n"
                + "echo \"error=${r.error}\"", Result.SUCCESS);
        j.assertLogContains("[Project Boards] " + reason, lenient);
        j.assertLogContains("(failOnError: false, continuing)", lenient);
        j.assertLogContains("error=" + reason, lenient);

        WorkflowRun strict = run("subscribeWebhook(connection: 'kanboard', board: 'Shop')", Result.FAILURE);
        j.assertLogContains("ERROR: [Project Boards] " + reason, strict);
        j.assertLogNotContains("\tat ", strict);
        // The board is resolved (an unknown board would say so first); nothing is written.
        assertEquals(List.of("getAllProjects"), kanboard.methods());
    }
}
