package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport.Recorded;
import io.jenkins.plugins.projectboards.testing.FakePlanka;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;

/** getCard, findCards and updateCard on the plugin's fake Planka (board Shop/Web, card 1 in Todo), in a sandboxed Declarative Pipeline. */
public class PlankaCardFieldsStepsTest {
    private final JenkinsRule j = new JenkinsRule();
    private final FakePlanka planka = new FakePlanka(1);

    @Rule
    public final RuleChain rules = RuleChain.outerRule(j).around(planka);

    @Test
    public void readUpdateAndFindWithOneWrite() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("pipeline {\n"
                + "  agent none\n"
                + "  stages {\n"
                + "    stage('cards') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def c = getCard(connection: 'planka', card: '1')\n"
                + "          echo \"read ${c.vendor} ${c.id} '${c.title}' on ${c.board} in ${c.column} labels=${c.labels} closed=${c.closed}\"\n"
                + "          def u = updateCard(connection: 'planka', card: c.url, title: 'Renamed', description: 'Notes')\n"
                + "          echo \"changed=${u.changed}\"\n"
                + "          def found = findCards(connection: 'planka', board: 'Shop/Web', text: 'renamed')\n"
                + "          echo \"found ${found.size()}: ${found[0].title} / ${found[0].description}\"\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.SUCCESS, p);
        j.assertLogNotContains(FakePlanka.API_KEY, run);
        j.assertLogContains("read Planka 1 'Card 1' on Shop/Web in Todo labels=[] closed=false", run);
        j.assertLogContains("changed=[title, description]", run);
        j.assertLogContains("found 1: Renamed / Notes", run);
        List<Recorded> writes = planka.writes();
        assertEquals(writes.toString(), List.of("PATCH /api/cards/1"), writes.stream().map(Recorded::line).toList());
        assertEquals("{\"name\":\"Renamed\",\"description\":\"Notes\"}", writes.get(0).json().toString());
    }
}
