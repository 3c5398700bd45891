package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.connection.PlankaConnection;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport.Recorded;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.nodes.StepAtomNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * createTask, moveCard, commentOnTask and subscribeWebhook in sandboxed Pipelines against a fake Planka (REST): the
 * exact requests Planka receives, what the script gets back, dry runs, failOnError, and no secret in the log.
 */
public class CardStepsTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(2);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    /** Runs {@code script} sandboxed, expects {@code expected}, and checks that no secret reached the log. */
    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(FakePlanka.API_KEY, run);
        j.assertLogNotContains(FakePlanka.WEBHOOK_SECRET, run);
        return run;
    }

    private static void assertRequest(String method, String path, String jsonBody, Recorded actual) throws Exception {
        assertEquals(method + " " + path, actual.line());
        assertEquals(actual.toString(), Json.MAPPER.readTree(jsonBody), actual.json());
    }

    @Test
    public void resultsFeedTheNextStepInTheSandbox() throws Exception {
        WorkflowRun run = run("def t = createTask(connection: 'planka', board: 'Shop/Web', column: 'Todo', title: 'Deploy 42',"
                + " description: 'From Jenkins', reference: 'REL-42')\n"
                + "echo \"created=${t.created} id=${t.id} url=${t.url} column=${t.column} board=${t.board} vendor=${t.vendor}\"\n"
                + "def m = moveCard(connection: 'planka', card: t.id, column: 'Done')\n"
                + "echo \"moved=${m.moved} from=${m.previousColumn} to=${m.column}\"\n"
                + "def c = commentOnTask(connection: 'planka', task: t.url, text: 'Deployed')\n"
                + "echo \"comment ${c.commentId} on ${c.card} id=${c.id} title=${c.title} column=${c.column} dryRun=${c.dryRun}\"", Result.SUCCESS);

        // The fake numbers new cards from 1001; cards 1 and 2 sit in Todo at 65536.
        j.assertLogContains("created=true id=1001 url=" + planka.url() + "/cards/1001 column=Todo board=Shop/Web vendor=Planka", run);
        j.assertLogContains("moved=true from=Todo to=Done", run);
        // commentOnTask returns the card's core like the other card steps (id is the card's), the comment as commentId.
        j.assertLogContains("comment 1002 on 1001 id=1001 title=Deploy 42 column=Done dryRun=false", run);
        j.assertLogContains("[Project Boards] Created card Deploy 42 on Planka board 'Shop/Web', column 'Todo'", run);
        j.assertLogContains("[Project Boards] Moved card Deploy 42 from 'Todo' to 'Done'", run);
        j.assertLogContains("[Project Boards] Commented on card 1001", run);

        List<Recorded> writes = planka.writes();
        assertEquals(writes.toString(), 3, writes.size());
        assertRequest("POST", "/api/lists/51/cards", "{\"type\":\"project\",\"name\":\"Deploy 42\",\"position\":131072,"
                + "\"description\":\"From Jenkins\\n\\n[//]: # (project-boards-ref: REL-42)\"}", writes.get(0));
        assertRequest("PATCH", "/api/cards/1001", "{\"listId\":\"53\",\"position\":65536}", writes.get(1));
        assertRequest("POST", "/api/cards/1001/comments", "{\"text\":\"Deployed\"}", writes.get(2));
        // Every request authenticates with the API key from the credential, and only with it.
        for (Recorded request : planka.requests()) {
            assertEquals(request.toString(), FakePlanka.API_KEY, request.apiKey());
            assertEquals(request.toString(), null, request.authorization());
        }
        assertEquals("Done", planka.board.columnOf("1001"));
        // The Pipeline graph names each step's card, never a comment's text.
        Map<String, String> labels = new DepthFirstScanner().allNodes(run.getExecution()).stream()
                .filter(StepAtomNode.class::isInstance).map(StepAtomNode.class::cast)
                .filter(node -> node.getDescriptor() != null && !node.getDescriptor().getFunctionName().equals("echo"))
                .collect(Collectors.toMap(node -> node.getDescriptor().getFunctionName(), ArgumentsAction::getStepArgumentsAsString));
        assertEquals(Map.of("createTask", "Deploy 42", "moveCard", "1001 \u2192 Done", "commentOnTask", planka.url() + "/cards/1001"),
                labels);
    }

    /**
     * A card's title is the board's users' text: in the console it is the text of the card's link, escaped like any
     * other text, without the control characters that could start a console note of its own.
     */
    @Test
    public void aHostileCardTitleIsPlainTextInsideItsLink() throws Exception {
        WorkflowRun run = run("createTask(connection: 'planka', board: 'Shop/Web', title: '<img src=x onerror=alert(1)>\\u001B[8mha:AAA')",
                Result.SUCCESS);
        j.assertLogContains("[Project Boards] Created card <img src=x onerror=alert(1)>[8mha:AAA on Planka board 'Shop/Web', column 'Todo'",
                run);
        StringWriter html = new StringWriter();
        run.getLogText().writeHtmlTo(0, html);
        assertTrue(html.toString(), html.toString().contains("[Project Boards] Created card <a href='" + planka.url() + "/cards/1001'>"
                + "&lt;img src=x onerror=alert(1)&gt;[8mha:AAA</a> on Planka board 'Shop/Web', column 'Todo'"));
        assertFalse(html.toString(), html.toString().contains("<img"));
    }

    @Test
    public void aReferenceMakesCreateTaskIdempotent() throws Exception {
        WorkflowRun run = run("def first = createTask(connection: 'planka', board: 'Shop/Web', title: 'Deploy 43', reference: 'REL-43')\n"
                + "def again = createTask(connection: 'planka', board: 'Shop/Web', title: 'Deploy 43', reference: 'REL-43')\n"
                + "echo \"first=${first.created} again=${again.created} same=${again.id == first.id}\"", Result.SUCCESS);
        j.assertLogContains("first=true again=false same=true", run);
        j.assertLogContains("[Project Boards] Reused card Deploy 43 (reference 'REL-43' already existed; nothing created)", run);
        assertEquals(List.of("POST /api/lists/51/cards"), planka.writes().stream().map(Recorded::line).toList());
    }

    @Test
    public void aDryRunOnlyReads() throws Exception {
        WorkflowRun run = run("def t = createTask(connection: 'planka', board: 'Shop/Web', title: 'Never', dryRun: true)\n"
                + "def m = moveCard(connection: 'planka', card: '1', column: 'Done', dryRun: true)\n"
                + "def c = commentOnTask(connection: 'planka', task: '1', text: 'x', dryRun: true)\n"
                + "echo \"id=${t.id} created=${t.created} moved=${m.moved} dryRun=${m.dryRun} comment=${c.commentId} cdry=${c.dryRun}\"",
                Result.SUCCESS);
        j.assertLogContains("id=null created=true moved=true dryRun=true comment=null cdry=true", run);
        j.assertLogContains("[Project Boards] [dry run] would create card 'Never' on Planka board 'Shop/Web', column 'Todo'", run);
        j.assertLogContains("[Project Boards] [dry run] would move card Card 1 from 'Todo' to 'Done'", run);
        j.assertLogContains("[Project Boards] [dry run] would comment on card 1", run);
        List<Recorded> requests = planka.requests();
        assertFalse("the dry run read the board", requests.isEmpty());
        assertEquals(requests.toString(), List.of(), planka.writes());
        assertTrue(requests.toString(), requests.stream().allMatch(request -> request.method().equals("GET")));
        assertEquals("Todo", planka.board.columnOf("1"));
        assertEquals(null, planka.board.comments.get("1"));
    }

    @Test
    public void anUnknownColumnListsTheValidOnesAndFailsUnlessFailOnErrorIsFalse() throws Exception {
        String reason = "Planka resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done";
        WorkflowRun lenient = run("def r = moveCard(connection: 'planka', card: '1', column: 'Shipped', failOnError: false)\n"
                + "echo \"error=${r.error} keys=${r.keySet()}\"", Result.SUCCESS);
        j.assertLogContains("[Project Boards] " + reason + " (failOnError: false, continuing)", lenient);
        j.assertLogContains("error=" + reason + " keys=[error]", lenient);

        WorkflowRun strict = run("moveCard(connection: 'planka', card: '1', column: 'Shipped')\necho 'not reached'", Result.FAILURE);
        j.assertLogContains("ERROR: [Project Boards] " + reason, strict);
        j.assertLogNotContains("not reached", strict);
        j.assertLogNotContains("\tat ", strict);

        // The global setting is the default of every step that does not say.
        ProjectBoardsConfiguration.get().setFailOnError(false);
        WorkflowRun global = run("def r = moveCard(card: '1', column: 'Shipped')\necho \"error=${r.error}\"", Result.SUCCESS);
        j.assertLogContains("error=" + reason, global);
        run("moveCard(card: '1', column: 'Shipped', failOnError: true)", Result.FAILURE);

        assertEquals(List.of(), planka.writes());
        assertEquals("Todo", planka.board.columnOf("1"));
    }

    @Test
    public void declarativePipelinesUseTheSteps() throws Exception {
        WorkflowRun run = run("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('board') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def t = createTask board: 'Shop/Web', title: \"Release ${env.BUILD_NUMBER}\"\n"
                + "          moveCard card: t.id, column: 'Doing'\n"
                + "          commentOnTask task: t.id, text: \"Build ${currentBuild.number} started\"\n"
                + "          echo \"card=${t.id}\"\n"
                + "        }\n"
                + "        moveCard card: '2', column: 'Done'\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}", Result.SUCCESS);
        j.assertLogContains("card=1001", run);
        List<Recorded> writes = planka.writes();
        assertEquals(writes.toString(), List.of("POST /api/lists/51/cards", "PATCH /api/cards/1001", "POST /api/cards/1001/comments",
                "PATCH /api/cards/2"), writes.stream().map(Recorded::line).toList());
        assertEquals("Release 1", writes.get(0).json().path("name").asText());
        assertEquals("52", writes.get(1).json().path("listId").asText());
        assertEquals("Build 1 started", writes.get(2).json().path("text").asText());
        assertEquals("53", writes.get(3).json().path("listId").asText());
        j.assertLogContains("[Project Boards] Moved card Card 2 from 'Todo' to 'Done'", run);
    }

    @Test
    public void subscribeWebhookRegistersThisJenkinsWithTheWebhookSecretOnce() throws Exception {
        JenkinsLocationConfiguration.get().setUrl("https://ci.example/");
        WorkflowRun run = run("def h = subscribeWebhook(connection: 'planka', board: 'Shop/Web', events: ['cardUpdate'])\n"
                + "def again = subscribeWebhook(connection: 'planka', board: 'Shop/Web', events: ['cardUpdate'])\n"
                + "echo \"url=${h.url} created=${h.created} id=${h.id} again=${again.created} sameId=${again.id == h.id}\"",
                Result.SUCCESS);
        String endpoint = "https://ci.example/project-boards-webhook/planka";
        j.assertLogContains("url=" + endpoint + " created=true id=91 again=false sameId=true", run);
        // (What the create answer says of the events is Planka's to tell; the fake answers without them.)
        j.assertLogContains("[Project Boards] Subscribed Planka events ", run);
        j.assertLogContains(" to " + endpoint + " (webhook 91)", run);
        j.assertLogContains("[Project Boards] Webhook 91 already subscribes Planka events cardUpdate to " + endpoint + "; reused it", run);
        List<Recorded> writes = planka.writes();
        assertEquals(writes.toString(), 1, writes.size());
        assertRequest("POST", "/api/webhooks", "{\"name\":\"Jenkins " + endpoint + "\",\"url\":\"" + endpoint + "\","
                + "\"accessToken\":\"" + FakePlanka.WEBHOOK_SECRET + "\",\"events\":\"cardUpdate\"}", writes.get(0));
    }

    @Test
    public void subscribeWebhookDryRunRegistersNothingAtTheConnectionsPublicUrl() throws Exception {
        PlankaConnection proxied = planka.connection();
        proxied.setWebhookUrl("https://hooks.example/in/planka");
        BoardsTestSupport.configure(proxied);
        WorkflowRun run = run("def h = subscribeWebhook(connection: 'planka', board: 'Shop/Web', dryRun: true)\n"
                + "echo \"created=${h.created} dryRun=${h.dryRun} id=${h.id}\"", Result.SUCCESS);
        j.assertLogContains("created=true dryRun=true id=null", run);
        j.assertLogContains("[Project Boards] [dry run] would subscribe Planka events (the vendor's default events) to https://hooks.example/in/planka", run);
        assertEquals(List.of(), planka.writes());
        assertTrue(planka.requests().stream().anyMatch(request -> request.line().equals("GET /api/webhooks")));
    }

    @Test
    public void subscribeWebhookSendsTheSecretNowhereButThisJenkins() throws Exception {
        JenkinsLocationConfiguration.get().setUrl("https://ci.example/");
        WorkflowRun run = run("subscribeWebhook(connection: 'planka', board: 'Shop/Web', url: 'https://evil.example/collect')", Result.FAILURE);
        j.assertLogContains("'url': a webhook of connection 'planka' carries its webhook secret, so it may only deliver to this"
                + " Jenkins' endpoint for that connection, https://ci.example/project-boards-webhook/planka", run);
        assertEquals("refused before any request", List.of(), planka.requests());
        // The endpoint itself, written as the step's help says, is accepted.
        run("subscribeWebhook(connection: 'planka', board: 'Shop/Web', url: 'https://ci.example/project-boards-webhook/planka')", Result.SUCCESS);
        assertEquals(1, planka.writes().size());
    }

    @Test
    public void subscribeWebhookNeedsTheGlobalSecretAndABuildAllowedToUseIt() throws Exception {
        JenkinsLocationConfiguration.get().setUrl("https://ci.example/");
        Folder folder = j.jenkins.createProject(Folder.class, "team");
        CredentialsStore store = StreamSupport.stream(CredentialsProvider.lookupStores(folder).spliterator(), false)
                .filter(candidate -> candidate.getContext() == folder).findFirst().orElseThrow();
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "planka-webhook", "shadow",
                Secret.fromString("team-chosen-secret")));
        WorkflowJob p = folder.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("subscribeWebhook(connection: 'planka', board: 'Shop/Web')", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("the credential 'planka-webhook' this build sees is not the global webhook secret of connection 'planka'", run);
        j.assertLogNotContains("team-chosen-secret", run);
        assertEquals(List.of(), planka.writes());

        // A System credential is one builds never see: the endpoint could check it, but no build can register it.
        SystemCredentialsProvider.getInstance().getCredentials().removeIf(c -> ((IdCredentials) c).getId().equals("planka-webhook"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.SYSTEM,
                "planka-webhook", "system only", Secret.fromString("system-only-secret")));
        WorkflowRun system = run("subscribeWebhook(connection: 'planka', board: 'Shop/Web')", Result.FAILURE);
        j.assertLogContains("a credential of System scope, which builds never see", system);
        j.assertLogNotContains("system-only-secret", system);
        assertEquals(List.of(), planka.writes());

        PlankaConnection noSecret = new PlankaConnection("planka", planka.url(), "planka-key");
        BoardsTestSupport.configure(noSecret);
        WorkflowRun without = run("subscribeWebhook(connection: 'planka', board: 'Shop/Web')", Result.FAILURE);
        j.assertLogContains("connection 'planka' has no webhook secret", without);
        assertEquals(List.of(), planka.writes());
    }

    @Test
    public void aRotatedSecretUpdatesTheReusedPlankaWebhook() throws Exception {
        JenkinsLocationConfiguration.get().setUrl("https://ci.example/");
        run("subscribeWebhook(connection: 'planka', board: 'Shop/Web', events: ['cardUpdate'])", Result.SUCCESS);
        SystemCredentialsProvider.getInstance().getCredentials().removeIf(c -> ((IdCredentials) c).getId().equals("planka-webhook"));
        BoardsTestSupport.addSecretText("planka-webhook", "rotated-webhook-secret-0123456789");
        WorkflowRun again = run("def h = subscribeWebhook(connection: 'planka', board: 'Shop/Web', events: ['cardUpdate'])\n"
                + "echo \"created=${h.created} id=${h.id}\"", Result.SUCCESS);
        j.assertLogContains("created=false id=91", again);
        j.assertLogNotContains("rotated-webhook-secret-0123456789", again);
        List<Recorded> writes = planka.writes();
        assertEquals(writes.toString(), 2, writes.size());
        assertRequest("PATCH", "/api/webhooks/91", "{\"accessToken\":\"rotated-webhook-secret-0123456789\"}", writes.get(1));
    }

    @Test
    public void anUnknownConnectionNamesTheConfiguredOnes() throws Exception {
        WorkflowRun run = run("createTask(connection: 'kan', title: 'x')", Result.FAILURE);
        j.assertLogContains("ERROR: [Project Boards] Unknown board connection 'kan'; configured connections: planka", run);
        j.assertLogNotContains("\tat ", run);
        assertEquals(List.of(), planka.requests());
    }
}
