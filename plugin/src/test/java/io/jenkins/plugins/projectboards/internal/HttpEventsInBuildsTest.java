package io.jenkins.plugins.projectboards.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport.Recorded;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A build's console shows what the shared HTTP path did for its steps: a retry after Planka answered 503, a lost
 * create sent again, and the retries of card updates that ran on pool threads.
 */
public class HttpEventsInBuildsTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(3);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertSuccess(p);
    }

    private static void assertLine(String line, WorkflowRun run) throws Exception {
        List<String> lines = run.getLog(1000);
        assertTrue("no line '" + line + "' in\n" + String.join("\n", lines), lines.contains(line));
    }

    /** Retry-After makes the pause exact (the backoff has jitter) and short. */
    @Test
    public void aMoveAnswered503OnceIsRetriedAndSaysSo() throws Exception {
        planka.board.answerOnce("PATCH /api/cards/1", new MockResponse().setResponseCode(503).setHeader("Retry-After", "1"));
        WorkflowRun run = run("moveCard(connection: 'planka', card: '1', column: 'Done')");
        assertLine("[Project Boards] Planka answered 503 with Retry-After 1 s; retrying in 1 s (1/2)", run);
        assertLine("[Project Boards] Moved card Card 1 from 'Todo' to 'Done'", run);
        assertEquals(List.of("PATCH /api/cards/1", "PATCH /api/cards/1"), planka.writes().stream().map(Recorded::line).toList());
    }

    @Test
    public void aCreateAnswered503IsLookedForThenSentOnceMore() throws Exception {
        planka.board.answerOnce("POST /api/lists/51/cards", new MockResponse().setResponseCode(503));
        WorkflowRun run = run("createTask(connection: 'planka', board: 'Shop/Web', column: 'Todo', title: 'Deploy 7', reference: 'REL-7')");
        assertLine("[Project Boards] Planka did not confirm the new card and it is not on the board; creating it once more", run);
        assertLine("[Project Boards] Created card Deploy 7 on Planka board 'Shop/Web', column 'Todo'", run);
        assertEquals(List.of("POST /api/lists/51/cards", "POST /api/lists/51/cards"), planka.writes().stream().map(Recorded::line).toList());
    }

    /**
     * notifyBoard updates its cards in parallel on a pool of threads; their retries still reach this build's console.
     * The cards are found in their board, read once, so the pool threads send only the comments: one refused with 429
     * (retried although it is a write, because the server did not process it).
     */
    @Test
    public void retriesOfParallelCardUpdatesReachTheBuildsConsole() throws Exception {
        planka.board.answerOnce("POST /api/cards/2/comments", new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        WorkflowRun run = run("notifyBoard(connection: 'planka', cards: ['1', '2', '3'])");
        assertLine("[Project Boards] Planka answered 429 with Retry-After 1 s; retrying in 1 s (1/2)", run);
        assertEquals(List.of("POST /api/cards/1/comments", "POST /api/cards/2/comments", "POST /api/cards/2/comments",
                "POST /api/cards/3/comments"), planka.writes().stream().map(Recorded::line).sorted().toList());
    }
}
