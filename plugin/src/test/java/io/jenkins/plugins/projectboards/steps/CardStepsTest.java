package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * createTask, moveCard, commentOnTask and subscribeWebhook in sandboxed Pipelines against a fake Planka: the requests
 * Planka receives, what the script gets back, dry runs, failOnError, and no secret in the log.
 */
public class CardStepsTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(2);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(FakePlanka.API_KEY, run);
        j.assertLogNotContains(FakePlanka.WEBHOOK_SECRET, run);
        return run;
    }

    @Test
    public void resultsFeedTheNextStepInTheSandbox() throws Exception {
        WorkflowRun run = run("def t = createTask(connection: 'planka', board: 'Shop/Web', column: 'Todo', title: 'Deploy 42', reference: 'REL-42')\n"
                + "echo \"created=${t.created} id=${t.id} url=${t.url} column=${t.column}\"\n"
                + "def again = createTask(connection: 'planka', board: 'Shop/Web', title: 'Deploy 42', reference: 'REL-42')\n"
                + "echo \"again=${again.created} same=${again.id == t.id}\"\n"
                + "def m = moveCard(connection: 'planka', card: t.id, column: 'Done')\n"
                + "echo \"moved=${m.moved} from=${m.previousColumn} to=${m.column}\"\n"
                + "def c = commentOnTask(connection: 'planka', task: t.url, text: 'Deployed')\n"
                + "echo \"comment on ${c.task}\"", Result.SUCCESS);
        String id = planka.board.comments.keySet().iterator().next();
        j.assertLogContains("created=true id=" + id + " url=" + planka.url() + "/cards/" + id + " column=Todo", run);
        j.assertLogContains("again=false same=true", run);
        j.assertLogContains("moved=true from=Todo to=Done", run);
        j.assertLogContains("comment on " + id, run);
        j.assertLogContains("[Project Boards] Created card Deploy 42 on Planka board 'Shop/Web', column 'Todo'", run);
        assertEquals("Done", planka.board.columnOf(id));
        assertEquals(java.util.List.of("Deployed"), planka.board.comments.get(id));
        assertEquals(1, planka.board.requests.stream().filter(line -> line.startsWith("POST /api/lists/51/cards")).count());
    }

    @Test
    public void aDryRunOnlyReads() throws Exception {
        WorkflowRun run = run("def t = createTask(connection: 'planka', board: 'Shop/Web', title: 'Never', dryRun: true)\n"
                + "def m = moveCard(connection: 'planka', card: '1', column: 'Done', dryRun: true)\n"
                + "def c = commentOnTask(connection: 'planka', task: '1', text: 'x', dryRun: true)\n"
                + "echo \"id=${t.id} created=${t.created} moved=${m.moved} dryRun=${m.dryRun} comment=${c.id}\"", Result.SUCCESS);
        j.assertLogContains("id=null created=true moved=true dryRun=true comment=null", run);
        j.assertLogContains("[dry run] would create card 'Never' on Planka board 'Shop/Web', column 'Todo'", run);
        assertTrue(planka.board.requests.toString(), planka.board.requests.stream().allMatch(line -> line.startsWith("GET ")));
        assertEquals("Todo", planka.board.columnOf("1"));
    }

    @Test
    public void anUnknownColumnListsTheValidOnesAndFailsOrNot() throws Exception {
        WorkflowRun lenient = run("def r = moveCard(connection: 'planka', card: '1', column: 'Shipped', failOnError: false)\n"
                + "echo \"error=${r.error}\"", Result.SUCCESS);
        String reason = "Planka resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done";
        j.assertLogContains("error=" + reason, lenient);
        j.assertLogContains("[Project Boards] " + reason + " (failOnError: false, continuing)", lenient);
        WorkflowRun strict = run("moveCard(connection: 'planka', card: '1', column: 'Shipped')", Result.FAILURE);
        j.assertLogContains("ERROR: [Project Boards] " + reason, strict);
        j.assertLogNotContains("\tat ", strict);
        ProjectBoardsConfiguration.get().setFailOnError(false);
        run("def r = moveCard(card: '1', column: 'Shipped')\necho \"error=${r.error}\"", Result.SUCCESS);
    }

    @Test
    public void declarativePipelinesUseTheStepsAsWell() throws Exception {
        WorkflowRun run = run("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('board') {\n"
                + "      steps {\n"
                + "        moveCard card: '2', column: 'Doing'\n"
                + "        commentOnTask task: '2', text: \"Build ${env.BUILD_NUMBER}\"\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}", Result.SUCCESS);
        assertEquals("Doing", planka.board.columnOf("2"));
        assertEquals(java.util.List.of("Build 1"), planka.board.comments.get("2"));
        j.assertLogContains("[Project Boards] Moved card Card 2 from 'Todo' to 'Doing'", run);
    }

    @Test
    public void subscribeWebhookRegistersThisJenkinsWithTheSecretOnce() throws Exception {
        JenkinsLocationConfiguration.get().setUrl("https://ci.example/");
        WorkflowRun run = run("def h = subscribeWebhook(connection: 'planka', board: 'Shop/Web', events: ['cardUpdate'])\n"
                + "def again = subscribeWebhook(connection: 'planka', board: 'Shop/Web', events: ['cardUpdate'])\n"
                + "echo \"url=${h.url} created=${h.created} again=${again.created}\"", Result.SUCCESS);
        j.assertLogContains("url=https://ci.example/project-boards-webhook/planka created=true again=false", run);
        assertEquals(1, planka.board.webhooks.size());
        assertEquals(FakePlanka.WEBHOOK_SECRET, planka.board.webhooks.get(0).path("accessToken").asText());
        assertEquals("cardUpdate", planka.board.webhooks.get(0).path("events").asText());
    }

    @Test
    public void anUnknownConnectionNamesTheConfiguredOnes() throws Exception {
        WorkflowRun run = run("createTask(connection: 'kan', title: 'x')", Result.FAILURE);
        j.assertLogContains("ERROR: [Project Boards] Unknown board connection 'kan'; configured connections: planka", run);
    }
}
