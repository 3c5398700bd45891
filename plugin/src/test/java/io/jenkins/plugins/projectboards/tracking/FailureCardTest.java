package io.jenkins.plugins.projectboards.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.freestyle.BoardPostBuildAction;
import io.jenkins.plugins.projectboards.steps.NotifyBoardStep;
import io.jenkins.plugins.projectboards.steps.OpenOnFailure;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * {@code notifyBoard(openOnFailure: …)}: a job failing twice and then fixed makes one card with three comments and
 * moves it to done, in a sandboxed Declarative Pipeline and as a freestyle post-build action; concurrent broken builds
 * make one card.
 */
public class FailureCardTest {
    private final JenkinsRule j = new JenkinsRule();
    /** Slow enough (200 ms an answer) that concurrent builds overlap on the board. */
    private final FakePlanka planka = new FakePlanka(1, Duration.ofMillis(200));

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    /** A Declarative Pipeline whose stage fails or not as {@code fail} says, with the failure card in {@code post}. */
    private void define(WorkflowJob job, boolean fail) throws Exception {
        job.setDefinition(new CpsFlowDefinition(
                "pipeline {\n"
                + "  agent none\n"
                + "  stages { stage('build') { steps { script { " + (fail ? "sleep 1; error('boom')" : "echo 'fine'") + " } } } }\n"
                + "  post { always { script {\n"
                + "    def r = notifyBoard connection: 'planka', board: 'Shop/Web', moveOnSuccess: 'Done',\n"
                + "        openOnFailure: [column: 'Doing', results: ['FAILURE']]\n"
                + "    echo \"failureCard=${r.failureCard.action} ${r.failureCard.card?.id}\"\n"
                + "  } } }\n"
                + "}", true));
    }

    /** The writes the fake Planka received, as {@code METHOD path body}. */
    private List<String> writes() throws Exception {
        return planka.writes().stream().map(BoardsTestSupport.Recorded::toString).toList();
    }

    private String description(String job, int build) throws Exception {
        String url = j.getURL() + "job/" + job + "/" + build + "/";
        return "Jenkins build " + job + " #" + build + " ended FAILURE.\\n" + url + "\\n\\nJenkins comments each further broken build here, "
                + "and comments and moves this card when the job is fixed.\\n\\n[//]: # (project-boards-ref: " + job + " broken since #1)";
    }

    private List<String> expectedComments(String job) throws Exception {
        String url = j.getURL() + "job/" + job + "/";
        return List.of("Opened for Jenkins build " + job + " #1: FAILURE\n" + url + "1/",
                "Still failing in Jenkins build " + job + " #2: FAILURE\n" + url + "2/",
                "Fixed in Jenkins build " + job + " #3: SUCCESS\n" + url + "3/");
    }

    /**
     * The build has no cards of its own, and only the failure card was asked for: the console says what happened to
     * it, and not that no cards are linked to the build, which would read as if nothing was done.
     */
    private void assertNoLineAboutLinkedCards(Run<?, ?> build) throws Exception {
        j.assertLogNotContains(Messages.CardTracking_noCards("planka"), build);
    }

    @Test
    public void failingTwiceThenFixedMakesOneCardThreeCommentsAndMovesItToDone() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "app");
        define(p, true);
        WorkflowRun first = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("The job is broken: opened failure card Jenkins job app is broken", first);
        j.assertLogContains("failureCard=OPEN 1001", first);
        assertNoLineAboutLinkedCards(first);
        WorkflowRun second = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("The job is still broken: commented on failure card Jenkins job app is broken", second);
        j.assertLogContains("failureCard=STILL_FAILING 1001", second);
        assertNoLineAboutLinkedCards(second);
        define(p, false);
        WorkflowRun fixed = j.buildAndAssertSuccess(p);
        j.assertLogContains("The job is fixed: commented on failure card Jenkins job app is broken and moved it to Done", fixed);
        j.assertLogContains("failureCard=FIXED 1001", fixed);
        assertNoLineAboutLinkedCards(fixed);

        List<String> comments = expectedComments("app");
        assertEquals(List.of(
                "POST /api/lists/52/cards {\"type\":\"project\",\"name\":\"Jenkins job app is broken\",\"position\":65536,"
                        + "\"description\":\"" + description("app", 1) + "\"}",
                "POST /api/cards/1001/comments {\"text\":\"" + comments.get(0).replace("\n", "\\n") + "\"}",
                "POST /api/cards/1001/comments {\"text\":\"" + comments.get(1).replace("\n", "\\n") + "\"}",
                "POST /api/cards/1001/comments {\"text\":\"" + comments.get(2).replace("\n", "\\n") + "\"}",
                "PATCH /api/cards/1001 {\"listId\":\"53\",\"position\":65536}"), writes());
        assertEquals(comments, planka.board.comments.get("1001"));
        assertEquals("Done", planka.board.columnOf("1001"));

        // A healthy build after a healthy one does not ask the board anything.
        int before = planka.requests().size();
        WorkflowRun healthy = j.buildAndAssertSuccess(p);
        j.assertLogContains("failureCard=NONE null", healthy);
        assertNoLineAboutLinkedCards(healthy);
        assertEquals(before, planka.requests().size());
    }

    /**
     * Three builds of one job break at once, on a board slow enough (200 ms an answer) that their look-ups would all
     * miss the card were they not taken in turn: the first opens it, the others wait and comment on it.
     */
    @Test
    public void concurrentBrokenBuildsMakeOneCard() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "parallel");
        define(p, true);
        List<WorkflowRun> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(p.scheduleBuild2(0).waitForStart());
        }
        for (WorkflowRun run : runs) {
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(run));
        }
        List<String> writes = writes();
        assertEquals(writes.toString(), 1, writes.stream().filter(write -> write.startsWith("POST /api/lists/")).count());
        assertEquals(List.of("1001"), List.copyOf(planka.board.comments.keySet()));
        List<String> comments = planka.board.comments.get("1001");
        assertEquals(comments.toString(), 3, comments.size());
        assertEquals(1, comments.stream().filter(text -> text.startsWith("Opened for Jenkins build parallel #")).count());
        assertEquals(2, comments.stream().filter(text -> text.startsWith("Still failing in Jenkins build parallel #")).count());
    }

    @Test
    public void freestyleFailingTwiceThenFixed() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("legacy");
        NotifyBoardStep notify = new NotifyBoardStep();
        notify.setConnection("planka");
        notify.setBoard("${BOARD_NAME}");
        notify.setMoveOnSuccess("Done");
        OpenOnFailure openOnFailure = new OpenOnFailure();
        openOnFailure.setColumn("Doing");
        notify.setOpenOnFailure(openOnFailure);
        BoardPostBuildAction action = new BoardPostBuildAction();
        action.setOperation(notify);
        p.getPublishersList().add(action);
        p.addProperty(new hudson.model.ParametersDefinitionProperty(new hudson.model.StringParameterDefinition("BOARD_NAME", "Shop/Web")));
        p.getBuildersList().add(new FailureBuilder());
        FreeStyleBuild first = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("The job is broken: opened failure card Jenkins job legacy is broken", first);
        assertNoLineAboutLinkedCards(first);
        j.buildAndAssertStatus(Result.FAILURE, p);
        p.getBuildersList().clear();
        FreeStyleBuild fixed = j.buildAndAssertSuccess(p);
        j.assertLogContains("and moved it to Done", fixed);
        assertNoLineAboutLinkedCards(fixed);

        List<String> writes = writes();
        assertEquals(5, writes.size());
        assertTrue(writes.get(0), writes.get(0).startsWith("POST /api/lists/52/cards "));
        assertEquals(expectedComments("legacy"), planka.board.comments.get("1001"));
        assertEquals("PATCH /api/cards/1001 {\"listId\":\"53\",\"position\":65536}", writes.get(4));
        assertEquals("Done", planka.board.columnOf("1001"));
    }
}
