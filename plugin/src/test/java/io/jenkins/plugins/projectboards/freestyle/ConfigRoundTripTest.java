package io.jenkins.plugins.projectboards.freestyle;

import static org.junit.Assert.assertEquals;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.CommentOnTaskStep;
import io.jenkins.plugins.projectboards.steps.CreateTaskStep;
import io.jenkins.plugins.projectboards.steps.MoveCardStep;
import io.jenkins.plugins.projectboards.steps.NotifyBoardStep;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import io.jenkins.plugins.projectboards.steps.RunKechainServiceStep;
import io.jenkins.plugins.projectboards.steps.SubscribeWebhookStep;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Every form (the freestyle build step and post-build action with each of their operations, and the Snippet
 * Generator's step forms) gives back what it was given, optional fields included; and a freestyle build expands its
 * variables.
 */
public class ConfigRoundTripTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    @Test
    public void freestyleBuildStepsAndPostBuildActionsKeepTheirOperation() throws Exception {
        CreateTaskStep create = new CreateTaskStep("Deploy ${BUILD_NUMBER}");
        create.setConnection("planka");
        create.setBoard("Shop/Web");
        create.setColumn("Doing");
        create.setDescription("from Jenkins");
        create.setDue("2027-01-15");
        create.setAssignee("jenkins");
        create.setReference("REL-${BUILD_NUMBER}");
        create.setFailOnError(false);
        create.setDryRun(true);
        MoveCardStep move = new MoveCardStep("1", "Done");
        move.setBoard("Shop/Web");
        move.setPosition("top");
        move.setFailOnError(true);
        CommentOnTaskStep comment = new CommentOnTaskStep("1", "Built");
        for (BoardStep operation : List.<BoardStep>of(create, move, comment)) {
            BoardBuildStep step = new BoardBuildStep();
            step.setOperation(operation);
            j.assertEqualDataBoundBeans(step, j.configRoundtrip(step));
        }

        NotifyBoardStep notify = new NotifyBoardStep();
        notify.setConnection("planka");
        notify.setMoveOnSuccess("Done");
        notify.setMoveOnUnstable("Doing");
        notify.setMoveOnFailure("Todo");
        notify.setMoveOnAborted("Todo");
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
    public void leavingFailOnErrorAtTheGlobalSettingKeepsItUnset() throws Exception {
        BoardBuildStep step = new BoardBuildStep();
        step.setOperation(new MoveCardStep("1", "Done"));
        assertEquals(null, j.configRoundtrip(step).getOperation().getFailOnError());
    }

    @Test
    public void snippetGeneratorFormsOfEveryStep() throws Exception {
        StepConfigTester tester = new StepConfigTester(j);
        CreateTaskStep create = new CreateTaskStep("Deploy");
        create.setConnection("planka");
        create.setBoard("Shop/Web");
        create.setColumn("Todo");
        create.setReference("REL-1");
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
        j.assertEqualDataBoundBeans(webhook, tester.configRoundTrip(webhook));
        NotifyBoardStep notify = new NotifyBoardStep();
        notify.setMoveOnSuccess("Done");
        j.assertEqualDataBoundBeans(notify, tester.configRoundTrip(notify));
        ReleaseCardsStep release = new ReleaseCardsStep("2.0");
        release.setMoveTo("Done");
        j.assertEqualDataBoundBeans(release, tester.configRoundTrip(release));
    }

    @Test
    public void aFreestyleBuildExpandsItsVariables() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        CommentOnTaskStep comment = new CommentOnTaskStep("1", "Built by #${BUILD_NUMBER}");
        comment.setConnection("planka");
        BoardBuildStep commentStep = new BoardBuildStep();
        commentStep.setOperation(comment);
        p.getBuildersList().add(commentStep);
        BoardBuildStep moveStep = new BoardBuildStep();
        moveStep.setOperation(new MoveCardStep("1", "Doing"));
        p.getBuildersList().add(moveStep);
        FreeStyleBuild build = j.buildAndAssertSuccess(p);
        assertEquals(List.of("Built by #1"), planka.board.comments.get("1"));
        assertEquals("Doing", planka.board.columnOf("1"));
        j.assertLogContains("[Project Boards] Moved card Card 1 from 'Todo' to 'Doing'", build);
        j.assertLogNotContains(FakePlanka.API_KEY, build);
    }
}
