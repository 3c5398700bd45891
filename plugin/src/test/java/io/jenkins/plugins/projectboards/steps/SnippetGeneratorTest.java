package io.jenkins.plugins.projectboards.steps;

import static io.jenkins.plugins.projectboards.testing.BoardsTestSupport.postForm;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.projectboards.freestyle.BoardBuildStep;
import io.jenkins.plugins.projectboards.freestyle.BoardPostBuildAction;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import io.jenkins.plugins.projectboards.webhook.BoardEventTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The Snippet Generator's form of every step gives back the step it was given, optional arguments included; its
 * required fields are checked as they are typed (by POST, for those who may configure the job); and each step has a
 * short label in the Pipeline graph.
 */
public class SnippetGeneratorTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    @Test
    public void snippetGeneratorFormsOfEveryStep() throws Exception {
        StepConfigTester tester = new StepConfigTester(j);
        CreateTaskStep create = new CreateTaskStep("Deploy");
        create.setConnection("planka");
        create.setBoard("Shop/Web");
        create.setColumn("Todo");
        create.setReference("REL-1");
        create.setLabels(java.util.List.of("release"));
        create.setDryRun(true);
        j.assertEqualDataBoundBeans(create, tester.configRoundTrip(create));
        MoveCardStep move = new MoveCardStep("1", "Done");
        move.setPosition("top");
        move.setFailOnError(false);
        j.assertEqualDataBoundBeans(move, tester.configRoundTrip(move));
        CommentOnTaskStep comment = new CommentOnTaskStep("1", "Built");
        j.assertEqualDataBoundBeans(comment, tester.configRoundTrip(comment));
        RunKechainServiceStep kechain = new RunKechainServiceStep("Bike Project", "Gears");
        kechain.setWait(false);
        kechain.setTimeoutMinutes(30);
        kechain.setIfRunning("fail");
        j.assertEqualDataBoundBeans(kechain, tester.configRoundTrip(kechain));
        SubscribeWebhookStep webhook = new SubscribeWebhookStep();
        webhook.setBoard("Shop/Web");
        webhook.setUrl("https://ci.example/hook");
        webhook.setEvents(java.util.List.of("cardCreate", "cardUpdate"));
        j.assertEqualDataBoundBeans(webhook, tester.configRoundTrip(webhook));
        NotifyBoardStep notify = new NotifyBoardStep();
        notify.setMoveOnSuccess("Done");
        j.assertEqualDataBoundBeans(notify, tester.configRoundTrip(notify));
        ReleaseCardsStep release = new ReleaseCardsStep("2.0");
        release.setMoveTo("Done");
        j.assertEqualDataBoundBeans(release, tester.configRoundTrip(release));
    }

    @Test
    public void theGlobalFailOnErrorChoiceStaysUnset() throws Exception {
        MoveCardStep move = new MoveCardStep("1", "Done");
        MoveCardStep after = new StepConfigTester(j).configRoundTrip(move);
        j.assertEqualDataBoundBeans(move, after);
        assertNull(after.getFailOnError());
        assertEquals("Done", after.getColumn());
    }

    private static final String DESCRIPTORS = "job/job/descriptorByName/io.jenkins.plugins.projectboards.steps.";

    @Test
    public void requiredFieldsSayWhatTheyTakeToThoseWhoMayConfigureTheJob() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Item.READ).onItems(job).to("reader"));
        // FormValidation escapes its message (' becomes &#039;).
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("CreateTaskStep/checkTitle", "Required: the new card&#039;s title");
        checks.put("MoveCardStep/checkCard", "Required: the card, as an id, #id, ref:&lt;reference&gt;, a reference or the card&#039;s URL");
        checks.put("MoveCardStep/checkColumn", "Required: the column to move the card to");
        checks.put("CommentOnTaskStep/checkTask", "Required: the card, as an id, #id, ref:&lt;reference&gt;, a reference or the card&#039;s URL");
        checks.put("CommentOnTaskStep/checkText", "Required: the comment&#039;s text");
        checks.put("RunKechainServiceStep/checkScope", "Required: the scope (project) of the service, by name or id");
        checks.put("RunKechainServiceStep/checkService", "Required: the service, by name or id");
        checks.put("ReleaseCardsStep/checkVersion", "Required: the version released, e.g. 1.4.0");
        for (Map.Entry<String, String> check : checks.entrySet()) {
            String path = DESCRIPTORS + check.getKey();
            String blank = postForm(j, "admin", path + "?value=%20").getContentAsString();
            assertTrue(path + ": " + blank, blank.contains("class=\"error\"") && blank.contains(check.getValue()));
            String given = postForm(j, "admin", path + "?value=x").getContentAsString();
            assertFalse(path + ": " + given, given.contains("error"));
            assertEquals(path, 403, postForm(j, "reader", path + "?value=").getStatusCode());
            assertEquals(path, 403, postForm(j, null, path + "?value=").getStatusCode());
        }
        String timeout = DESCRIPTORS + "RunKechainServiceStep/checkTimeoutMinutes";
        assertTrue(postForm(j, "admin", timeout + "?value=0").getContentAsString().contains("Not a positive number"));
        assertFalse(postForm(j, "admin", timeout + "?value=30").getContentAsString().contains("error"));
        assertEquals(403, postForm(j, "reader", timeout + "?value=30").getStatusCode());
        // Outside a job, as for the dropdowns, the checks are for administrators.
        assertEquals(403, postForm(j, "reader", "descriptorByName/io.jenkins.plugins.projectboards.steps.CreateTaskStep/checkTitle?value=")
                .getStatusCode());
    }

    /**
     * Every check of a step's or the trigger's field says {@code checkMethod="post"}, as the project's forms do: the
     * checks are {@code @POST}, so a check sent by GET would find no handler and never show its message.
     */
    @Test
    public void everyFieldCheckOnAJobsFormIsSentByPost() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("job");
        for (BoardStep operation : List.of(new CreateTaskStep("Deploy"), new MoveCardStep("1", "Done"), new CommentOnTaskStep("1", "Built"))) {
            BoardBuildStep build = new BoardBuildStep();
            build.setOperation(operation);
            job.getBuildersList().add(build);
        }
        BoardPostBuildAction post = new BoardPostBuildAction();
        post.setOperation(new ReleaseCardsStep("1.0"));
        job.getPublishersList().add(post);
        job.addTrigger(new BoardEventTrigger("planka"));
        HtmlPage page = j.createWebClient().getPage(job, "configure");
        Set<String> checked = new TreeSet<>();
        for (DomNode node : page.querySelectorAll("[checkurl]")) {
            DomElement field = (DomElement) node;
            String url = field.getAttribute("checkurl");
            if (url.contains("io.jenkins.plugins.projectboards")) {
                checked.add(url.replaceAll("^.*descriptorByName/io\\.jenkins\\.plugins\\.projectboards\\.", "").replaceAll("[?'\"].*$", ""));
                assertEquals(url, "post", field.getAttribute("checkmethod"));
            }
        }
        // A dropdown renders the form of its chosen operation: one build step per operation shows all of their checks.
        assertTrue(checked.toString(), checked.containsAll(List.of("steps.CreateTaskStep/checkTitle", "steps.MoveCardStep/checkCard",
                "steps.MoveCardStep/checkColumn", "steps.CommentOnTaskStep/checkTask", "steps.CommentOnTaskStep/checkText",
                "steps.ReleaseCardsStep/checkVersion", "webhook.BoardEventTrigger/checkBoards")));
    }

    private String label(Class<? extends org.jenkinsci.plugins.workflow.steps.Step> step, Map<String, Object> arguments) {
        return ((StepDescriptor) j.jenkins.getDescriptorOrDie(step)).argumentsToString(arguments);
    }

    @Test
    public void theGraphShowsTheCardColumnServiceOrVersionNeverTheText() {
        assertEquals("Deploy 42", label(CreateTaskStep.class, Map.of("title", "Deploy 42", "description", "long notes")));
        assertEquals("42 \u2192 Done", label(MoveCardStep.class, Map.of("card", "42", "column", "Done", "board", "Ops")));
        assertEquals("42", label(CommentOnTaskStep.class, Map.of("task", "42", "text", "Deployed by build 7")));
        assertEquals("Gears", label(RunKechainServiceStep.class, Map.of("scope", "Bike Project", "service", "Gears")));
        assertEquals("1.4.0", label(ReleaseCardsStep.class, Map.of("version", "1.4.0", "moveTo", "Released")));
        assertEquals("Shop/Web", label(SubscribeWebhookStep.class, Map.of("board", "Shop/Web", "events", List.of("cardCreate"))));
        assertEquals("#1, #2", label(NotifyBoardStep.class, Map.of("cards", List.of("#1", "#2"), "moveOnSuccess", "Done")));
        // Nothing that names the step's object: no label, rather than the text of another argument.
        assertNull(label(NotifyBoardStep.class, Map.of("moveOnSuccess", "Done")));
        assertNull(label(SubscribeWebhookStep.class, Map.of()));
        // An argument Pipeline did not keep (it held a secret) is not shown.
        assertNull(label(CreateTaskStep.class, Map.of("title", ArgumentsAction.NotStoredReason.MASKED_VALUE)));
        // One line, and short.
        assertEquals("Deploy 42 to production", label(CreateTaskStep.class, Map.of("title", " Deploy 42\nto   production ")));
        String cut = label(CreateTaskStep.class, Map.of("title", "x".repeat(200)));
        assertEquals("x".repeat(BoardStepDescriptor.MAX_LABEL_LENGTH - 1) + "\u2026", cut);
    }

    /** notifyBoard's failure card: the nested object survives the Snippet Generator and the freestyle form, lists included. */
    @Test
    public void failureCardRoundTrips() throws Exception {
        NotifyBoardStep notify = new NotifyBoardStep();
        notify.setConnection("planka");
        notify.setMoveOnSuccess("Done");
        OpenOnFailure openOnFailure = new OpenOnFailure();
        openOnFailure.setBoard("Shop/Web");
        openOnFailure.setColumn("Todo");
        openOnFailure.setLabels(List.of("ci", "broken"));
        openOnFailure.setResults(List.of("unstable", "FAILURE"));
        notify.setOpenOnFailure(openOnFailure);
        NotifyBoardStep back = new StepConfigTester(j).configRoundTrip(notify);
        j.assertEqualDataBoundBeans(notify, back);
        assertEquals(List.of("FAILURE", "UNSTABLE"), back.getOpenOnFailure().getResults());
        assertEquals(List.of("ci", "broken"), back.getOpenOnFailure().getLabels());

        FreeStyleProject job = j.createFreeStyleProject("failure-card");
        BoardPostBuildAction action = new BoardPostBuildAction();
        action.setOperation(notify);
        job.getPublishersList().add(action);
        j.configRoundtrip(job);
        j.assertEqualDataBoundBeans(action, job.getPublishersList().get(BoardPostBuildAction.class));

        IllegalArgumentException wrong = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> new OpenOnFailure().setResults(List.of("ABORTED")));
        assertEquals("openOnFailure results: 'ABORTED' is not a result that can count as broken; use FAILURE or UNSTABLE", wrong.getMessage());
    }
}
