package io.jenkins.plugins.projectboards.steps;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.FakeBoards;
import io.jenkins.plugins.projectboards.connection.KanboardConnection;
import io.jenkins.plugins.projectboards.connection.KechainConnection;
import io.jenkins.plugins.projectboards.freestyle.BoardBuildStep;
import io.jenkins.plugins.projectboards.testing.BoardsTestSupport;
import io.jenkins.plugins.projectboards.testing.FakeKechain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okio.ByteString;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;

/**
 * {@code attachFile} against the fake Kanboard (task 1 exists): the files a sandboxed Declarative Pipeline writes on
 * an agent reach Kanboard as {@code createTaskFile} calls whose base64 decodes to the same bytes; a re-run sends
 * nothing; an empty glob, a rename of several files, a file over the connection's cap and a KE-chain property fail
 * before any upload. Against the fake KE-chain the file goes into the activity's named attachment property.
 */
public class AttachFileStepTest {
    private static final String TOKEN = "kanboard-app-token-0123456789";

    @Rule
    public final JenkinsRule j = new JenkinsRule();

    private final MockWebServer server = new MockWebServer();
    private final FakeBoards.Kanboard kanboard = new FakeBoards.Kanboard(1, Duration.ZERO);
    private KanboardConnection connection;

    @Before
    public void startKanboard() throws Exception {
        server.setDispatcher(kanboard);
        server.start();
        BoardsTestSupport.addSecretText("kanboard-token", TOKEN);
        connection = new KanboardConnection("kanboard", server.url("/jsonrpc.php").toString(), "kanboard-token");
        BoardsTestSupport.configure(connection);
    }

    @After
    public void stopKanboard() throws Exception {
        server.shutdown();
    }

    private WorkflowRun run(String steps, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "reports");
        p.setDefinition(new CpsFlowDefinition("pipeline {\n"
                + "  agent { label 'remote' }\n"
                + "  stages {\n"
                + "    stage('attach') {\n"
                + "      steps {\n"
                + steps
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}", true));
        WorkflowRun run = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(TOKEN, run);
        return run;
    }

    private List<JsonNode> uploads() {
        return kanboard.params("createTaskFile");
    }

    private static String decoded(JsonNode upload) {
        return new String(Base64.getDecoder().decode(upload.path("blob").asText()), StandardCharsets.UTF_8);
    }

    @Test
    public void filesWrittenOnAnAgentReachTheCardAndARerunSendsNothing() throws Exception {
        j.createOnlineSlave(j.jenkins.getLabel("remote"));
        String steps = "        writeFile file: 'reports/b.html', text: '<h1>B</h1>'\n"
                + "        writeFile file: 'reports/a.html', text: '<h1>A</h1>'\n"
                + "        writeFile file: 'build.log', text: 'not a report'\n"
                + "        script {\n"
                + "          def r = attachFile(connection: 'kanboard', card: '1', file: 'reports/*.html')\n"
                + "          echo \"card=${r.card} files=${r.attachments.collect { \"${it.name}:${it.size}:${it.uploaded}:${it.id}\" }}\"\n"
                + "          def one = attachFile(connection: 'kanboard', card: '#1', file: 'build.log', name: \"build-${env.BUILD_NUMBER}.log\")\n"
                + "          echo \"renamed=${one.attachments[0].name}\"\n"
                + "        }\n";
        WorkflowRun first = run(steps, Result.SUCCESS);
        j.assertLogContains("card=1 files=[a.html:10:true:1001, b.html:10:true:1002]", first);
        j.assertLogContains("renamed=build-1.log", first);
        j.assertLogContains("[Project Boards] Attached 'a.html' (10 bytes) to card 1", first);

        List<JsonNode> uploads = uploads();
        assertEquals(3, uploads.size());
        assertEquals(Json.MAPPER.readTree("""
                {"project_id":1,"task_id":1,"filename":"a.html","blob":"PGgxPkE8L2gxPg=="}"""), uploads.get(0));
        assertEquals("<h1>B</h1>", decoded(uploads.get(1)));
        assertEquals("b.html", uploads.get(1).path("filename").asText());
        assertEquals("build-1.log", uploads.get(2).path("filename").asText());
        assertEquals("not a report", decoded(uploads.get(2)));

        // The same files again (build 2 renames its log, so only that one is new).
        WorkflowRun second = j.buildAndAssertSuccess(first.getParent());
        j.assertLogContains("card=1 files=[a.html:10:false:1001, b.html:10:false:1002]", second);
        j.assertLogContains("[Project Boards] Card 1 already has 'a.html' (10 bytes); not sent again", second);
        assertEquals(4, uploads().size());
        assertEquals("build-2.log", uploads().get(3).path("filename").asText());
    }

    @Test
    public void whatCannotBeAttachedFailsBeforeAnyUpload() throws Exception {
        connection.setMaxAttachmentMiB(1);
        j.createOnlineSlave(j.jenkins.getLabel("remote"));
        WorkflowRun run = run("        writeFile file: 'a.txt', text: 'a'\n"
                + "        writeFile file: 'b.txt', text: 'b'\n"
                + "        writeFile file: 'big.bin', text: 'x' * (1024 * 1024 + 1)\n"
                + "        script {\n"
                + "          echo \"none: ${attachFile(card: '1', file: 'reports/*.html', failOnError: false).error}\"\n"
                + "          echo \"rename: ${attachFile(card: '1', file: '*.txt', name: 'one.txt', failOnError: false).error}\"\n"
                + "          echo \"big: ${attachFile(card: '1', file: '*.txt,big.bin', failOnError: false).error}\"\n"
                + "          echo \"dry: ${attachFile(card: '1', file: '*.txt', dryRun: true).attachments.collect { it.name + ':' + it.uploaded }}\"\n"
                + "          echo \"property: ${attachFile(card: '1', file: '*.txt', property: 'Report', failOnError: false).error}\"\n"
                + "        }\n", Result.SUCCESS);
        j.assertLogContains("none: attachFile: 'file': no file in the workspace matches 'reports/*.html'", run);
        j.assertLogContains("rename: attachFile: 'name' names a single file, but '*.txt' matches 2 files", run);
        j.assertLogContains("big: Kanboard attachFile: 'file': 'big.bin' has 1048577 bytes, more than the 1048576 a file"
                + " may have on this connection", run);
        j.assertLogContains("dry: [a.txt:true, b.txt:true]", run);
        j.assertLogContains("[Project Boards] [dry run] would attach 'a.txt' (1 bytes) to card 1", run);
        j.assertLogContains("property: Kanboard attachFile: 'property': Kanboard cards keep their files in one list;"
                + " 'property' names a KE-chain activity's attachment property, so leave it out", run);
        assertEquals(List.of(), uploads());
    }

    @Test
    public void sizesArePrintedTheSameInEveryLocale() throws Exception {
        j.createOnlineSlave(j.jenkins.getLabel("remote"));
        WorkflowRun run = run("        writeFile file: 'report.bin', text: 'x' * (5 * 1024 * 1024)\n"
                + "        attachFile card: '1', file: 'report.bin', dryRun: true\n", Result.SUCCESS);
        j.assertLogContains("[Project Boards] [dry run] would attach 'report.bin' (5242880 bytes, 5.0 MiB) to card 1", run);
        assertEquals(List.of(), uploads());
    }

    @Test
    public void onKechainTheFileGoesIntoTheNamedAttachmentPropertyOfTheActivity() throws Exception {
        FakeKechain kechain = new FakeKechain();
        MockWebServer kechainServer = new MockWebServer();
        kechainServer.setDispatcher(kechain);
        kechainServer.start();
        try {
            BoardsTestSupport.addSecretText("kechain-token", "kechain-token-0123456789");
            BoardsTestSupport.configure(connection, new KechainConnection("kc", kechainServer.url("/").toString(), "kechain-token"));
            j.createOnlineSlave(j.jenkins.getLabel("remote"));
            String card = FakeKechain.ACTIVITY;
            WorkflowRun run = run("        writeFile file: 'reports/junit.html', text: '<h1>42 tests</h1>'\n"
                    + "        script {\n"
                    + "          def r = attachFile(connection: 'kc', card: '" + card + "', file: 'reports/*.html', property: 'Test report')\n"
                    + "          echo \"kc=${r.attachments.collect { \"${it.name}:${it.size}:${it.uploaded}:${it.property}:${it.id}\" }}\"\n"
                    + "          def again = attachFile(connection: 'kc', card: '" + card + "', file: 'reports/junit.html', property: 'Test report')\n"
                    + "          echo \"again=${again.attachments[0].uploaded}\"\n"
                    + "          echo \"unnamed: ${attachFile(connection: 'kc', card: '" + card + "', file: 'reports/*.html', failOnError: false).error}\"\n"
                    + "        }\n", Result.SUCCESS);
            j.assertLogNotContains("kechain-token-0123456789", run);
            j.assertLogContains("kc=[junit.html:17:true:Test report:" + FakeKechain.REPORT + "]", run);
            j.assertLogContains("[Project Boards] Attached 'junit.html' (17 bytes) to card " + card
                    + ", in its attachment property 'Test report'", run);
            j.assertLogContains("again=false", run);
            j.assertLogContains("[Project Boards] Card " + card + " already has 'junit.html' (17 bytes) in its attachment"
                    + " property 'Test report'; not sent again", run);
            j.assertLogContains("unnamed: KE-chain attachFile: 'property': 'Release 1.4' has 2 attachment properties"
                    + " (Test report, Build log); name the one for the file with property:", run);

            String upload = "POST /api/v3/properties/" + FakeKechain.REPORT + "/upload";
            assertEquals(1, kechain.count(upload));
            assertEquals(new FakeKechain.Upload(FakeKechain.PART, "junit.html",
                    ByteString.encodeUtf8("<h1>42 tests</h1>")), kechain.files.get(FakeKechain.REPORT));
            String activity = "GET /api/activities/" + card + ".json";
            String scope = "GET /api/v3/scopes.json?id=" + FakeKechain.SCOPE + "&limit=2";
            String associations = "GET /api/associations.json?activity=" + card + "&limit=100";
            String parts = "GET /api/v3/parts.json?id__in=" + FakeKechain.PART
                    + "&category=INSTANCE&fields=id%2Cname%2Cproperties%2Cproperty_type%2Cvalue&limit=100";
            String head = "HEAD /api/v3/properties/" + FakeKechain.REPORT + "/download";
            // The connection's client keeps the scope it read once (its name cache).
            assertEquals(List.of(activity, scope, associations, parts, upload,
                    activity, associations, parts, head,
                    activity, associations, parts, head), kechain.requests);
        } finally {
            kechainServer.shutdown();
        }
    }

    @Test
    public void theFreestyleBuildStepAttachesFromTheBuildsWorkspace() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("nightly");
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(hudson.model.AbstractBuild<?, ?> build, hudson.Launcher launcher, hudson.model.BuildListener listener)
                    throws java.io.IOException, InterruptedException {
                build.getWorkspace().child("out/report.txt").write("nightly " + build.getNumber(), "UTF-8");
                return true;
            }
        });
        AttachFileStep attach = new AttachFileStep("1", "out/*.txt");
        attach.setName("report-${BUILD_NUMBER}.txt");
        BoardBuildStep step = new BoardBuildStep();
        step.setOperation(attach);
        p.getBuildersList().add(step);
        FreeStyleBuild build = j.buildAndAssertSuccess(p);
        j.assertLogContains("[Project Boards] Attached 'report-1.txt' (9 bytes) to card 1", build);
        assertEquals("report-1.txt", uploads().get(0).path("filename").asText());
        assertArrayEquals("nightly 1".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(uploads().get(0).path("blob").asText()));
    }

    @Test
    public void formsAndLabels() throws Exception {
        AttachFileStep attach = new AttachFileStep("#1", "reports/*.html");
        attach.setName("report.html");
        attach.setProperty("Test report");
        attach.setBoard("Shop");
        attach.setConnection("kanboard");
        attach.setDryRun(true);
        j.assertEqualDataBoundBeans(attach, new StepConfigTester(j).configRoundTrip(attach));
        BoardBuildStep freestyle = new BoardBuildStep();
        freestyle.setOperation(new AttachFileStep("1", "out/*.txt"));
        j.assertEqualDataBoundBeans(freestyle, j.configRoundtrip(freestyle));
        assertEquals("reports/*.html \u2192 #1", new AttachFileStep.DescriptorImpl().argumentsToString(
                Map.of("card", "#1", "file", "reports/*.html", "name", "report.html")));
        connection.setMaxAttachmentMiB(0);
        assertEquals("a cap of 0 or less is the default", 10, connection.getMaxAttachmentMiB());
    }
}
