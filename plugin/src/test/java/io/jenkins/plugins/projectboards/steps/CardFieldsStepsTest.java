package io.jenkins.plugins.projectboards.steps;

import static io.jenkins.plugins.projectboards.testing.BoardsTestSupport.postForm;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.freestyle.BoardBuildStep;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import okhttp3.mockwebserver.MockWebServer;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * getCard, findCards and updateCard against board-client's fake Kanboard (cards 1 and 2 in Todo, references REF-1 and
 * REF-2): a sandboxed Declarative Pipeline reads, searches and changes cards with the exact procedures and parameters;
 * updateCard as a freestyle build step; the Snippet Generator's forms, checks and labels.
 */
public class CardFieldsStepsTest {
    private static final String TOKEN = "kanboard-app-token-0123456789";

    @Rule
    public final JenkinsRule j = new JenkinsRule();

    private final MockWebServer server = new MockWebServer();
    private final FakeBoards.Kanboard kanboard = new FakeBoards.Kanboard(2, Duration.ZERO);

    @Before
    public void startKanboard() throws Exception {
        server.setDispatcher(kanboard);
        server.start();
        BoardsTestSupport.addSecretText("kanboard-token", TOKEN);
        KanboardConnection connection = new KanboardConnection("kanboard", server.url("/jsonrpc.php").toString(), "kanboard-token");
        connection.setDefaultBoard("Shop");
        BoardsTestSupport.configure(connection);
    }

    @After
    public void stopKanboard() throws Exception {
        server.shutdown();
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(TOKEN, run);
        return run;
    }

    @Test
    public void aSandboxedDeclarativePipelineReadsChangesAndFindsCards() throws Exception {
        WorkflowRun run = run("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('cards') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def c = getCard(connection: 'kanboard', card: 'ref:REF-1')\n"
                + "          echo \"read ${c.id} '${c.title}' in ${c.column} labels=${c.labels} due=${c.due} closed=${c.closed} ref=${c.reference}\"\n"
                + "          def dry = updateCard(connection: 'kanboard', card: c.url, title: 'Release 1', addLabels: ['ci'], dryRun: true)\n"
                + "          echo \"dry run changed=${dry.changed} title=${dry.title}\"\n"
                + "          def u = updateCard(connection: 'kanboard', card: c.id, title: 'Release 1', addLabels: ['ci', 'prod'], assignee: 'alice')\n"
                + "          echo \"changed=${u.changed} labels=${u.labels} assignee=${u.assignee}\"\n"
                + "          def again = updateCard(connection: 'kanboard', card: c.id, title: 'Release 1', addLabels: ['CI'])\n"
                + "          echo \"again changed=${again.changed}\"\n"
                + "        }\n"
                + "        script {\n"
                + "          def found = findCards(connection: 'kanboard', column: 'Todo', labels: ['ci'], limit: 5)\n"
                + "          echo \"found ${found.size()}: ${found.collect { it.id + ':' + it.title + ':' + it.assignee }.join(',')}\"\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}", Result.SUCCESS);
        j.assertLogContains("read 1 'Card 1' in Todo labels=[] due=2027-01-15 closed=false ref=REF-1", run);
        j.assertLogContains("dry run changed=[title, labels] title=Release 1", run);
        j.assertLogContains("[Project Boards] [dry run] would update card 1: title, labels", run);
        j.assertLogContains("changed=[title, labels, assignee] labels=[ci, prod] assignee=alice", run);
        j.assertLogContains("[Project Boards] Updated card 1: title, labels, assignee", run);
        j.assertLogContains("again changed=[]", run);
        j.assertLogContains("[Project Boards] Card 1 already is as asked; nothing was changed", run);
        j.assertLogContains("found 1: 1:Release 1:alice", run);
        assertEquals(List.of("[Project Boards] Found 1 matching card"), foundLines(run));
        assertEquals(List.of(Json.MAPPER.readTree("{\"id\":1,\"title\":\"Release 1\",\"owner_id\":1,\"tags\":[\"ci\",\"prod\"]}")),
                kanboard.params("updateTask"));
        assertEquals(List.of(Json.MAPPER.readTree("{\"project_id\":1,\"query\":\"column:\\\"Todo\\\" tag:\\\"ci\\\"\"}")),
                kanboard.params("searchTasks"));
        assertEquals(List.of(Json.MAPPER.readTree("{\"project_id\":1,\"reference\":\"REF-1\"}")), kanboard.params("getTaskByReference"));
    }

    /** findCards' console lines, whole: "Found 1 matching card" must not be a part of "Found 1 matching cards". */
    private static List<String> foundLines(WorkflowRun run) throws IOException {
        return JenkinsRule.getLog(run).lines().filter(line -> line.startsWith("[Project Boards] Found ")).toList();
    }

    @Test
    public void findCardsSaysHowManyItFoundInWords() throws Exception {
        WorkflowRun run = run("echo \"done: ${findCards(connection: 'kanboard', column: 'Done').size()}\"\n"
                + "echo \"todo: ${findCards(connection: 'kanboard', column: 'Todo').size()}\"", Result.SUCCESS);
        j.assertLogContains("done: 0", run);
        j.assertLogContains("todo: 2", run);
        assertEquals(List.of("[Project Boards] Found no matching cards", "[Project Boards] Found 2 matching cards"), foundLines(run));
        assertEquals(List.of(Json.MAPPER.readTree("{\"project_id\":1,\"query\":\"column:\\\"Done\\\"\"}"),
                Json.MAPPER.readTree("{\"project_id\":1,\"query\":\"column:\\\"Todo\\\"\"}")), kanboard.params("searchTasks"));
    }

    @Test
    public void aFailureWithFailOnErrorFalseReturnsTheErrorMapAndWritesNothing() throws Exception {
        WorkflowRun run = run("def r = findCards(connection: 'kanboard', column: 'Shipped', failOnError: false)\n"
                + "echo \"error=${r.error}\"\n"
                + "def u = updateCard(connection: 'kanboard', card: '99', title: 'x', failOnError: false)\n"
                + "echo \"update error=${u.error}\"", Result.SUCCESS);
        j.assertLogContains("error=Kanboard resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done", run);
        j.assertLogContains("update error=Kanboard updateCard: no card '99'", run);
        assertEquals(List.of(), kanboard.params("updateTask"));
    }

    @Test
    public void updateCardAsAFreestyleBuildStepExpandsBuildVariables() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("deploy");
        UpdateCardStep update = new UpdateCardStep("ref:REF-2");
        update.setTitle("Deployed by #${BUILD_NUMBER}");
        update.setAddLabels(List.of("build-${BUILD_NUMBER}"));
        update.setDue("2027-03-01");
        BoardBuildStep step = new BoardBuildStep();
        step.setOperation(update);
        p.getBuildersList().add(step);
        FreeStyleBuild build = j.buildAndAssertSuccess(p);
        j.assertLogContains("[Project Boards] Updated card 2: title, labels, due", build);
        assertEquals(List.of(Json.MAPPER.readTree("{\"id\":2,\"title\":\"Deployed by #1\",\"date_due\":\"2027-03-01\",\"tags\":[\"build-1\"]}")),
                kanboard.params("updateTask"));
        // saved with the job and read back as it was
        p.save();
        j.jenkins.reload();
        BoardBuildStep reloaded = (BoardBuildStep) j.jenkins.getItemByFullName("deploy", FreeStyleProject.class).getBuildersList().get(0);
        j.assertEqualDataBoundBeans(update, reloaded.getOperation());
    }

    @Test
    public void snippetGeneratorFormsGiveBackTheSteps() throws Exception {
        StepConfigTester tester = new StepConfigTester(j);
        GetCardStep get = new GetCardStep("ref:EXT-1");
        get.setBoard("Shop");
        get.setConnection("kanboard");
        j.assertEqualDataBoundBeans(get, tester.configRoundTrip(get));
        FindCardsStep find = new FindCardsStep();
        find.setBoard("Shop");
        find.setColumn("Todo");
        find.setLabels(List.of("ci", "prod"));
        find.setText("Release");
        find.setReference("EXT-1");
        find.setLimit(10);
        j.assertEqualDataBoundBeans(find, tester.configRoundTrip(find));
        UpdateCardStep update = new UpdateCardStep("42");
        update.setTitle("New");
        update.setDescription("Line one\nLine two");
        update.setAddLabels(List.of("a", "b"));
        update.setRemoveLabels(List.of("c"));
        update.setDue("2027-01-15");
        update.setAssignee("alice");
        update.setFailOnError(false);
        j.assertEqualDataBoundBeans(update, tester.configRoundTrip(update));
    }

    @Test
    public void theFreestyleFormGivesBackUpdateCard() throws Exception {
        UpdateCardStep update = new UpdateCardStep("ref:${CARD}");
        update.setAddLabels(List.of("a", "b"));
        update.setRemoveLabels(List.of("c"));
        update.setAssignee("alice");
        BoardBuildStep freestyle = new BoardBuildStep();
        freestyle.setOperation(update);
        j.assertEqualDataBoundBeans(freestyle, j.configRoundtrip(freestyle));
    }

    @Test
    public void theCardIsRequiredAndCheckedByPostForThoseWhoMayConfigure() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Item.READ).onItems(job).to("reader"));
        for (String step : List.of("GetCardStep", "UpdateCardStep")) {
            String path = "job/job/descriptorByName/io.jenkins.plugins.projectboards.steps." + step + "/checkCard";
            String blank = postForm(j, "admin", path + "?value=%20").getContentAsString();
            assertTrue(path + ": " + blank, blank.contains("class=\"error\"") && blank.contains("Required: the card"));
            assertFalse(postForm(j, "admin", path + "?value=42").getContentAsString().contains("error"));
            assertEquals(path, 403, postForm(j, "reader", path + "?value=").getStatusCode());
        }
    }

    private String label(Class<? extends org.jenkinsci.plugins.workflow.steps.Step> step, Map<String, Object> arguments) {
        return ((StepDescriptor) j.jenkins.getDescriptorOrDie(step)).argumentsToString(arguments);
    }

    @Test
    public void theGraphShowsTheCardOrTheSearch() {
        assertEquals("42", label(GetCardStep.class, Map.of("card", "42", "board", "Shop")));
        assertEquals("42", label(UpdateCardStep.class, Map.of("card", "42", "description", "a long text")));
        assertEquals("Shop \u2192 Todo \u2192 ci, prod", label(FindCardsStep.class, Map.of("board", "Shop", "column", "Todo",
                "labels", List.of("ci", "prod"))));
        assertNull(label(FindCardsStep.class, Map.of("limit", 5)));
    }
}
