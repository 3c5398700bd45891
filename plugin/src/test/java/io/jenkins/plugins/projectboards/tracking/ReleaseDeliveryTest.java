package io.jenkins.plugins.projectboards.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.freestyle.BoardPostBuildAction;
import io.jenkins.plugins.projectboards.internal.StepConsole;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.FakeChangeLogSCM;
import org.jvnet.hudson.test.JenkinsRule;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * releaseCards' delivery guarantees (docs/notifications.md): nothing lost on an outage or a restart, nothing twice
 * when a comment was written but the move failed or when builds release side by side, a bounded look back, and
 * what a release skipped said and returned. Freestyle builds, whose changes {@link FakeChangeLogSCM} provides.
 */
public class ReleaseDeliveryTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(3);
    private final FakeChangeLogSCM scm = new FakeChangeLogSCM();

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    private static ReleaseCardsStep release(String version, String moveTo) {
        ReleaseCardsStep release = new ReleaseCardsStep(version);
        release.setConnection("planka");
        release.setMoveTo(moveTo);
        return release;
    }

    private FreeStyleProject project(ReleaseCardsStep release) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.setScm(scm);
        use(p, release);
        return p;
    }

    /** Makes {@code release} the project's only post-build action. */
    private static void use(FreeStyleProject p, ReleaseCardsStep release) {
        BoardPostBuildAction action = new BoardPostBuildAction();
        action.setOperation(release);
        p.getPublishersList().clear();
        p.getPublishersList().add(action);
    }

    private void commit(String message) {
        scm.addChange().withAuthor("alice").withMsg(message);
    }

    private static Map<String, Integer> carried(Run<?, ?> run) {
        return run.getAction(ReleaseLedgerAction.class).ledger().carried();
    }

    /** The carried cards of the ledger as the build's file on disk has it: what a restarted Jenkins would read. */
    private static Map<String, Integer> carriedOnDisk(Run<?, ?> run) throws Exception {
        Map<String, Integer> carried = new LinkedHashMap<>();
        NodeList ledgers = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(run.getRootDir(), "build.xml"))
                .getElementsByTagName(ReleaseLedgerAction.class.getName());
        assertEquals(1, ledgers.getLength());
        NodeList entries = ((Element) ((Element) ledgers.item(0)).getElementsByTagName("carried").item(0)).getElementsByTagName("entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            carried.put(entry.getElementsByTagName("string").item(0).getTextContent(),
                    Integer.valueOf(entry.getElementsByTagName("int").item(0).getTextContent()));
        }
        return carried;
    }

    private List<String> writesSince(int before) throws InterruptedException {
        List<BoardsTestSupport.Recorded> writes = planka.writes();
        return writes.subList(before, writes.size()).stream().map(BoardsTestSupport.Recorded::line).toList();
    }

    @Test
    public void aBoardThatCannotBeReadLosesNoCard() throws Exception {
        FreeStyleProject p = project(release("1.0", "Done"));
        commit("Fix [card: 404]");
        FreeStyleBuild first = j.buildAndAssertSuccess(p);
        assertEquals(Map.of("404", 1), carried(first));

        // The next release names a card by reference on a board Planka does not have: reading the board fails.
        ReleaseCardsStep unreadable = release("1.1", "Done");
        unreadable.setBoard("Gone");
        use(p, unreadable);
        commit("Feature [ref: REL-1]");
        FreeStyleBuild second = j.buildAndAssertSuccess(p);
        j.assertLogContains("Card REL-1 was not updated: Planka", second);
        j.assertLogContains("Card 404 was not updated; the next build will try it again", second);
        j.assertLogContains("Card REL-1 was not updated; the next build will try it again", second);
        // Neither card was tried, so neither used up an attempt.
        assertEquals(Map.of("404", 1, "REL-1", 0), carried(second));
        assertEquals(List.of(), writesSince(0));
    }

    @Test
    public void aCardCommentedWhoseMoveFailedIsOnlyMovedByTheNextBuild() throws Exception {
        FreeStyleProject p = project(release("1.0", "Shipped"));
        commit("Fix [card: 1]");
        FreeStyleBuild first = j.buildAndAssertSuccess(p);
        j.assertLogContains("Card 1 was not updated: Planka", first);
        assertEquals(List.of("POST /api/cards/1/comments"), writesSince(0));

        use(p, release("1.0", "Done"));
        FreeStyleBuild second = j.buildAndAssertSuccess(p);
        j.assertLogContains("Released card Card 1 (Todo \u2192 Done)", second);
        assertEquals(List.of("POST /api/cards/1/comments", "PATCH /api/cards/1"), writesSince(0));
        assertEquals(1, planka.board.comments.get("1").size());
        assertEquals(Map.of(), carried(second));
    }

    @Test
    public void everyCardIsOnDiskAsToDoBeforeTheFirstWriteAndAsDoneAfterIt() throws Exception {
        FreeStyleProject p = project(release("1.0", "Done"));
        List<Map<String, Integer>> atFirstWrite = new CopyOnWriteArrayList<>();
        AtomicBoolean written = new AtomicBoolean();
        planka.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // The cards are written in parallel: only the very first write looks at the disk.
                if (!request.getMethod().equals("GET") && written.compareAndSet(false, true)) {
                    try {
                        atFirstWrite.add(carriedOnDisk(p.getLastBuild()));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
                return planka.board.dispatch(request);
            }
        });
        commit("Fix [card: 1] and [card: 2]");
        FreeStyleBuild build = j.buildAndAssertSuccess(p);
        // Had Jenkins stopped at the first write, the next build would have found both cards still to do.
        assertEquals(List.of(Map.of("1", 0, "2", 0)), atFirstWrite);
        assertEquals(Map.of(), carriedOnDisk(build));
        assertEquals(List.of("Released in 1.0 by Jenkins build " + build.getFullDisplayName() + "\n" + build.getAbsoluteUrl()),
                planka.board.comments.get("2"));
    }

    @Test
    public void buildsReleasingSideBySideTakeTurnsAndCommentOnce() throws Exception {
        j.jenkins.setNumExecutors(2);
        FreeStyleProject p = project(release("1.0", "Done"));
        p.setConcurrentBuild(true);
        AtomicBoolean held = new AtomicBoolean();
        CountDownLatch secondWaits = new CountDownLatch(1);
        planka.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getMethod().equals("POST") && held.compareAndSet(false, true)) {
                    // The first build's comment is answered only once the second build waits for its turn.
                    secondWaits.await(60, TimeUnit.SECONDS);
                }
                return planka.board.dispatch(request);
            }
        });
        commit("Fix [card: 1]");
        FreeStyleBuild first = p.scheduleBuild2(0).waitForStart();
        while (!held.get()) {
            Thread.sleep(50);
        }
        commit("Fix [card: 1] again");
        FreeStyleBuild second = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Another build of this job is releasing on connection 'planka'; waiting for it to finish", second);
        secondWaits.countDown();
        j.assertBuildStatusSuccess(j.waitForCompletion(first));
        j.assertBuildStatusSuccess(j.waitForCompletion(second));
        j.assertLogContains("Card 1 was already released in 1.0; not commented again", second);
        assertEquals(1, planka.board.comments.get("1").size());
    }

    @Test
    public void looksBackAtMostTheConfiguredNumberOfBuilds() throws Exception {
        System.setProperty(BuildChanges.LOOKBACK_PROPERTY, "3");
        try {
            FreeStyleProject p = project(release("1.0", "Done"));
            commit("Fix [card: 404]");
            j.buildAndAssertSuccess(p);
            p.getPublishersList().clear();
            p.getBuildersList().add(new FailureBuilder());
            commit("Fix [card: 2]");
            j.buildAndAssertStatus(Result.FAILURE, p);
            commit("Fix [card: 3]");
            j.buildAndAssertStatus(Result.FAILURE, p);
            j.buildAndAssertStatus(Result.FAILURE, p);
            p.getBuildersList().clear();
            use(p, release("1.1", "Done"));
            FreeStyleBuild fifth = j.buildAndAssertSuccess(p);
            // Builds 5, 4 and 3 only: card 3 is released; card 2 (build 2) and 404 (carried by build 1) are out of reach.
            j.assertLogContains("Released card Card 3 (commented; Todo \u2192 Done)", fifth);
            j.assertLogNotContains("Card 2 (", fifth);
            j.assertLogNotContains("Card 404", fifth);
        } finally {
            System.clearProperty(BuildChanges.LOOKBACK_PROPERTY);
        }
    }

    @Test
    public void cardsAlreadyReleasedAreSaidSkippedAndReturned() throws Exception {
        FreeStyleProject p = project(release("1.0", "Done"));
        commit("Fix [card: 1]");
        j.buildAndAssertSuccess(p);
        commit("Fix [card: 1] once more");
        FreeStyleBuild second = j.buildAndAssertSuccess(p);
        j.assertLogContains("Card 1 was already released in 1.0; not commented again", second);
        j.assertLogNotContains("No cards", second);

        // What a Pipeline gets back from the same release.
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, Object> result = CardTracking.release(ProjectBoardsConfiguration.get().connection("planka"), second,
                new StepConsole(new StreamTaskListener(new PrintStream(log, true, StandardCharsets.UTF_8))), new CardTracking.ReleaseRequest("1.0", null, "Done", true, false, false));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("updated", List.of());
        expected.put("failed", List.of());
        expected.put("skipped", List.of("1"));
        expected.put("dryRun", false);
        assertEquals(expected, result);
        assertEquals(List.of("updated", "failed", "skipped", "dryRun"), List.copyOf(result.keySet()));
        String console = log.toString(StandardCharsets.UTF_8);
        assertTrue(console, console.contains("[Project Boards] Card 1 was already released in 1.0; not commented again"));
        assertEquals(1, planka.board.comments.get("1").size());
    }
}
