package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.projectboards.testing.FakePlanka;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/** The Snippet Generator's form of every step gives back the step it was given, optional arguments included. */
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
}
