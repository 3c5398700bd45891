package io.jenkins.plugins.projectboards.freestyle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.CommentOnTaskStep;
import io.jenkins.plugins.projectboards.steps.CreateTaskStep;
import io.jenkins.plugins.projectboards.steps.MoveCardStep;
import io.jenkins.plugins.projectboards.steps.NotifyBoardStep;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import io.jenkins.plugins.projectboards.steps.SubscribeWebhookStep;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport.Recorded;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The freestyle "Project Boards" build step (createTask, moveCard, commentOnTask) and post-build action (notifyBoard,
 * releaseCards): their forms give back what they were given, optional fields included, and a build expands its
 * {@code ${VARIABLES}} into the arguments before anything is sent.
 */
public class FreestyleBuildersTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    private static BoardBuildStep buildStep(BoardStep operation) {
        BoardBuildStep step = new BoardBuildStep();
        step.setOperation(operation);
        return step;
    }

    @Test
    public void createTaskKeepsEveryOptionalField() throws Exception {
        CreateTaskStep create = new CreateTaskStep("Deploy ${BUILD_NUMBER}");
        create.setConnection("planka");
        create.setBoard("Shop/Web");
        create.setColumn("Doing");
        create.setDescription("from Jenkins");
        create.setDue("2027-01-15");
        create.setAssignee("jenkins");
        create.setReference("REL-${BUILD_NUMBER}");
        create.setLabels(List.of("release", "ci"));
        create.setFailOnError(false);
        create.setDryRun(true);
        BoardBuildStep before = buildStep(create);
        BoardBuildStep after = j.configRoundtrip(before);
        j.assertEqualDataBoundBeans(before, after);
        CreateTaskStep kept = (CreateTaskStep) after.getOperation();
        assertEquals("2027-01-15", kept.getDue());
        assertEquals(Boolean.FALSE, kept.getFailOnError());
        assertEquals(true, kept.isDryRun());
        assertEquals("the form's comma-separated text becomes the list again", List.of("release", "ci"), kept.getLabels());
    }

    @Test
    public void moveCardAndCommentOnTaskKeepTheirFields() throws Exception {
        MoveCardStep move = new MoveCardStep("REL-${BUILD_NUMBER}", "Done");
        move.setConnection("planka");
        move.setBoard("Shop/Web");
        move.setPosition("top");
        move.setFailOnError(true);
        BoardBuildStep moveStep = buildStep(move);
        j.assertEqualDataBoundBeans(moveStep, j.configRoundtrip(moveStep));

        CommentOnTaskStep comment = new CommentOnTaskStep("1", "Built ${BUILD_URL}");
        comment.setBoard("Shop/Web");
        comment.setDryRun(true);
        BoardBuildStep commentStep = buildStep(comment);
        j.assertEqualDataBoundBeans(commentStep, j.configRoundtrip(commentStep));
    }

    @Test
    public void leavingFailOnErrorAtTheGlobalSettingKeepsItUnset() throws Exception {
        BoardBuildStep after = j.configRoundtrip(buildStep(new MoveCardStep("1", "Done")));
        assertNull(after.getOperation().getFailOnError());
        assertNull(after.getOperation().getConnection());
    }

    @Test
    public void postBuildActionsKeepTheirOperation() throws Exception {
        NotifyBoardStep notify = new NotifyBoardStep();
        notify.setConnection("planka");
        notify.setMoveOnSuccess("Done");
        notify.setMoveOnUnstable("Doing");
        notify.setMoveOnFailure("Todo");
        notify.setMoveOnAborted("Todo");
        notify.setCards(List.of("12", "#13"));
        notify.setComment(false);
        ReleaseCardsStep release = new ReleaseCardsStep("1.${BUILD_NUMBER}");
        release.setMoveTo("Done");
        release.setBoard("Shop/Web");
        for (BoardStep operation : List.<BoardStep>of(notify, release)) {
            BoardPostBuildAction action = new BoardPostBuildAction();
            action.setOperation(operation);
            j.assertEqualDataBoundBeans(action, j.configRoundtrip(action));
        }
    }

    @Test
    public void aBuildExpandsItsVariablesIntoTheRequests() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("deploy");
        CreateTaskStep create = new CreateTaskStep("Deploy #${BUILD_NUMBER} of ${JOB_NAME}");
        create.setBoard("Shop/Web");
        create.setColumn("Todo");
        create.setDescription("Started by Jenkins build ${BUILD_NUMBER}");
        p.getBuildersList().add(buildStep(create));
        CommentOnTaskStep comment = new CommentOnTaskStep("1", "Built by #${BUILD_NUMBER}");
        comment.setConnection("planka");
        p.getBuildersList().add(buildStep(comment));
        p.getBuildersList().add(buildStep(new MoveCardStep("1", "Doing")));

        FreeStyleBuild build = j.buildAndAssertSuccess(p);

        List<Recorded> writes = planka.writes();
        assertEquals(writes.toString(), List.of("POST /api/lists/51/cards", "POST /api/cards/1/comments", "PATCH /api/cards/1"),
                writes.stream().map(Recorded::line).toList());
        assertEquals(Json.MAPPER.readTree("{\"type\":\"project\",\"name\":\"Deploy #1 of deploy\",\"position\":131072,"
                + "\"description\":\"Started by Jenkins build 1\"}"), writes.get(0).json());
        assertEquals(Json.MAPPER.readTree("{\"text\":\"Built by #1\"}"), writes.get(1).json());
        assertEquals("52", writes.get(2).json().path("listId").asText());
        j.assertLogContains("[Project Boards] Created card Deploy #1 of deploy on Planka board 'Shop/Web', column 'Todo'", build);
        j.assertLogContains("[Project Boards] Moved card Card 1 from 'Todo' to 'Doing'", build);
        j.assertLogNotContains(FakePlanka.API_KEY, build);
    }

    @Test
    public void aFailingOperationFailsTheFreestyleBuildWithItsReason() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(buildStep(new MoveCardStep("1", "Shipped")));
        FreeStyleBuild failed = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("ERROR: [Project Boards] Planka resolve column: unknown column 'Shipped'; valid columns: Todo, Doing, Done", failed);
        j.assertLogNotContains("\tat ", failed);

        MoveCardStep lenient = new MoveCardStep("1", "Shipped");
        lenient.setFailOnError(false);
        p.getBuildersList().replace(buildStep(lenient));
        FreeStyleBuild passed = j.buildAndAssertSuccess(p);
        j.assertLogContains("(failOnError: false, continuing)", passed);
        assertEquals(List.of(), planka.writes());
    }

    /** Only a job configured by a script can get there: the forms offer their operations only. */
    @Test
    public void aStepTheFormDoesNotOfferIsRefused() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(buildStep(new SubscribeWebhookStep()));
        FreeStyleBuild refused = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("ERROR: [Project Boards] This Project Boards build step cannot run subscribeWebhook; it runs createTask,"
                + " moveCard, commentOnTask", refused);
        BoardPostBuildAction post = new BoardPostBuildAction();
        post.setOperation(new MoveCardStep("1", "Done"));
        p.getBuildersList().clear();
        p.getPublishersList().add(post);
        // (A publisher's failure is printed as "ERROR: Step 'Project Boards' failed: <reason>".)
        j.assertLogContains("[Project Boards] This Project Boards build step cannot run moveCard; it runs notifyBoard, releaseCards",
                j.buildAndAssertStatus(Result.FAILURE, p));
        assertEquals(List.of(), planka.requests());
    }
}
