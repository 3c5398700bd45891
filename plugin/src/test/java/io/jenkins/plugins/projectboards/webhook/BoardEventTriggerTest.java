package io.jenkins.plugins.projectboards.webhook;

import static io.jenkins.plugins.projectboards.testing.BoardsTestSupport.postForm;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import jenkins.model.Jenkins;
import org.htmlunit.WebResponse;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The trigger's board filter is checked as steps resolve boards: a name the board does not know is reported. */
public class BoardEventTriggerTest {
    private static final String CHECK = "job/job/descriptorByName/io.jenkins.plugins.projectboards.webhook.BoardEventTrigger/checkBoards?connection=planka&value=";

    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    @Before
    public void security() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader", "dev")
                .grant(Item.READ).onItems(job).to("reader", "dev")
                .grant(Item.CONFIGURE).onItems(job).to("dev"));
    }

    @Test
    public void boardsAreCheckedForThoseWhoConfigureTheJob() throws Exception {
        assertEquals(403, postForm(j, "reader", CHECK + "Shop/Web").getStatusCode());
        assertEquals("refused checks reach no server", 0, planka.requests().size());

        WebResponse known = postForm(j, "dev", CHECK + "Shop/Web,%20Web,%20500");
        assertEquals(200, known.getStatusCode());
        assertFalse(known.getContentAsString(), known.getContentAsString().contains("never match"));

        String unknown = postForm(j, "dev", CHECK + "Shop/Nope").getContentAsString();
        assertTrue(unknown, unknown.contains("These never match (or match several boards): &#039;Shop/Nope&#039;"));
        assertTrue(unknown, unknown.contains("Shop/Web"));
    }
}
