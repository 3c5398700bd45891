package io.jenkins.plugins.projectboards.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.freestyle.BoardPostBuildAction;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableCell;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.FakeChangeLogSCM;
import org.jvnet.hudson.test.JenkinsRule;

/** notifyBoard in Declarative post sections, releaseCards as a freestyle post-build action, and the build's card list. */
public class NotificationsTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(3);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    /** A Declarative Pipeline whose stage ends with {@code outcome} and whose post section notifies card 1. */
    private WorkflowRun notifyAfter(String outcome, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "pipeline {\n"
                + "  agent none\n"
                + "  stages { stage('build') { steps { script { " + outcome + " } } } }\n"
                + "  post { always { script {\n"
                + "    def r = notifyBoard connection: 'planka', cards: ['1'], moveOnSuccess: 'Done', moveOnUnstable: 'Doing',\n"
                + "        moveOnFailure: 'Todo', moveOnAborted: 'Doing'\n"
                + "    echo \"updated=${r.updated} failed=${r.failed}\"\n"
                + "  } } }\n"
                + "}", true));
        return j.buildAndAssertStatus(expected, p);
    }

    /** What the build's saved record holds: each entry's kind, in order. */
    private static List<String> savedEntries(Run<?, ?> run) throws IOException {
        String xml = Files.readString(new File(run.getRootDir(), "build.xml").toPath());
        return Pattern.compile("<what>(\\w+)</what>").matcher(xml).results().map(match -> match.group(1)).toList();
    }

    @Test
    public void successMovesToItsColumnAndCommentsTheResult() throws Exception {
        WorkflowRun run = notifyAfter("echo 'fine'", Result.SUCCESS);
        assertEquals("Done", planka.board.columnOf("1"));
        String comment = planka.board.comments.get("1").get(0);
        assertTrue(comment, comment.startsWith("Jenkins build " + run.getFullDisplayName() + ": SUCCESS in "));
        j.assertLogContains("Notified card Card 1 (commented; Todo \u2192 Done)", run);
        j.assertLogContains("updated=[1] failed=[]", run);
    }

    @Test
    public void theFinalResultDecidesInPost() throws Exception {
        notifyAfter("unstable('flaky tests')", Result.UNSTABLE);
        assertEquals("Doing", planka.board.columnOf("1"));
        assertTrue(planka.board.comments.get("1").get(0).contains(": UNSTABLE in "));
        WorkflowRun failed = notifyAfter("error('boom')", Result.FAILURE);
        assertEquals("Todo", planka.board.columnOf("1"));
        assertTrue(planka.board.comments.get("1").get(1).contains(": FAILURE in "));
        j.assertLogContains("(commented; Doing \u2192 Todo)", failed);
    }

    @Test
    public void bestEffortUnlessFailOnError() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("def r = notifyBoard connection: 'planka', cards: ['404', '2'], moveOnSuccess: 'Done'\n"
                + "echo \"updated=${r.updated} failed=${r.failed}\"", true));
        WorkflowRun run = j.buildAndAssertSuccess(p);
        j.assertLogContains("Card 404 was not updated: no card '404'", run);
        j.assertLogContains("updated=[2] failed=[[card:404, error:no card '404']]", run);
        assertEquals("Done", planka.board.columnOf("2"));
        p.setDefinition(new CpsFlowDefinition("notifyBoard connection: 'planka', cards: ['404'], failOnError: true", true));
        WorkflowRun strict = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("1 card(s) could not be updated (see above) and failOnError is true", strict);
        j.assertLogNotContains("\tat ", strict);
    }

    /** Without a failure card to look after, a build with no cards of its own says so (FailureCardTest: with one, it does not). */
    @Test
    public void aBuildWithoutCardsSaysSoAndAsksTheBoardNothing() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("def r = notifyBoard connection: 'planka', moveOnSuccess: 'Done'\n"
                + "echo \"updated=${r.updated} failed=${r.failed}\"", true));
        WorkflowRun run = j.buildAndAssertSuccess(p);
        j.assertLogContains("[Project Boards] " + Messages.CardTracking_noCards("planka"), run);
        j.assertLogContains("updated=[] failed=[]", run);
        assertEquals(List.of(), planka.requests());
    }

    @Test
    public void cardsTouchedByTheBuildAreListedAndExported() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("moveCard connection: 'planka', card: '1', column: 'Doing'\n"
                + "commentOnTask connection: 'planka', task: '2', text: 'hello'\n"
                + "echo \"cards=${env.BOARD_CARDS} urls=${env.BOARD_CARD_URLS}\"", true));
        WorkflowRun run = j.buildAndAssertSuccess(p);
        String url = planka.url();
        j.assertLogContains("cards=1,2 urls=" + url + "/cards/1," + url + "/cards/2", run);
        LinkedCardsAction action = run.getAction(LinkedCardsAction.class);
        assertNotNull(action);
        assertEquals(List.of(LinkedCard.What.MOVED, LinkedCard.What.COMMENTED), action.getCards().stream().map(LinkedCard::getWhat).toList());
        // On disk too: the steps do not save the build themselves, Jenkins saves it when it ends.
        assertEquals(List.of("MOVED", "COMMENTED"), savedEntries(run));
        String page = j.createWebClient().getPage(run, "board-cards").getWebResponse().getContentAsString();
        assertTrue(page, page.contains("href=\"" + url + "/cards/1\""));
        assertTrue(page, page.contains("<td>Moved</td><td>from 'Todo' to 'Doing'</td>"));
    }

    @Test
    public void theBuildsPagesSayWhatHappenedToEachCardInWords() throws Exception {
        FreeStyleBuild run = j.buildAndAssertSuccess(j.createFreeStyleProject());
        List<LinkedCard> entries = new ArrayList<>();
        for (LinkedCard.What what : LinkedCard.What.values()) {
            int card = what.ordinal();
            entries.add(new LinkedCard("planka", "Planka", String.valueOf(card), "Card " + card, "https://planka.example/cards/" + card, what, null));
        }
        LinkedCardsAction.record(run, entries);
        assertEquals("a finished build is saved at once", entries.stream().map(entry -> entry.getWhat().name()).toList(), savedEntries(run));

        HtmlPage cards = j.createWebClient().getPage(run, "board-cards");
        List<String> whatColumn = cards.<HtmlTableCell>getByXPath("//table/tbody/tr/td[3]").stream().map(HtmlTableCell::asNormalizedText).toList();
        assertEquals(List.of("Created", "Moved", "Commented on", "Notified of the build's result", "Released", "Could not be updated"), whatColumn);
        // The build's side panel, as on its other pages.
        assertTrue(cards.getWebResponse().getContentAsString().contains(run.getUrl() + "console"));
        String summary = j.createWebClient().getPage(run).asNormalizedText();
        assertTrue(summary, summary.contains("Board cards: Card 0 (Created), Card 1 (Moved), Card 2 (Commented on), "
                + "Card 3 (Notified of the build's result), Card 4 (Released), Card 5 (Could not be updated)"));
        for (LinkedCard.What what : LinkedCard.What.values()) {
            assertFalse(what.name(), cards.asNormalizedText().contains(what.name()));
            assertFalse(what.name(), summary.contains(what.name()));
        }
    }

    @Test
    public void aLinkThatIsNotHttpIsShownAsTextOnTheBuildsPages() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("echo 'nothing'", true));
        WorkflowRun run = j.buildAndAssertSuccess(p);
        LinkedCardsAction.record(run, new LinkedCard("planka", "Planka", "7", "Hostile", "javascript:alert(document.domain)",
                LinkedCard.What.COMMENTED, "from a server"));
        for (String page : List.of(j.createWebClient().getPage(run, "board-cards").getWebResponse().getContentAsString(),
                j.createWebClient().getPage(run).getWebResponse().getContentAsString())) {
            assertTrue(page, page.contains("Hostile"));
            assertFalse(page, page.contains("javascript:alert"));
        }
    }

    @Test
    public void releaseCommentsOncePerVersionAndCarriesFailuresOver() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        FakeChangeLogSCM scm = new FakeChangeLogSCM();
        p.setScm(scm);
        ReleaseCardsStep release = new ReleaseCardsStep("1.${MAJOR}");
        release.setConnection("planka");
        release.setMoveTo("Done");
        BoardPostBuildAction action = new BoardPostBuildAction();
        action.setOperation(release);
        p.getPublishersList().add(action);
        p.addProperty(new hudson.model.ParametersDefinitionProperty(new hudson.model.StringParameterDefinition("MAJOR", "0")));

        scm.addChange().withAuthor("alice").withMsg("Checkout fix [card: 1]\n\nalso [card: 404]");
        FreeStyleBuild first = j.buildAndAssertSuccess(p);
        j.assertLogContains("Released card Card 1 (commented; Todo \u2192 Done)", first);
        j.assertLogContains("Card 404 was not updated; the next build will try it again", first);
        assertEquals(List.of("Released in 1.0 by Jenkins build " + first.getFullDisplayName() + "\n" + first.getAbsoluteUrl()),
                planka.board.comments.get("1"));

        // The same commit comes again (a re-run): card 1 is not commented twice for 1.0; 404 is retried.
        scm.addChange().withAuthor("alice").withMsg("Checkout fix [card: 1]");
        FreeStyleBuild second = j.buildAndAssertSuccess(p);
        j.assertLogContains("Card 1 was already released in 1.0; not commented again", second);
        j.assertLogContains("Card 404 was not updated: no card '404'", second);
        assertEquals(1, planka.board.comments.get("1").size());
    }
}
