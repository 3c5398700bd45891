package io.jenkins.plugins.projectboards.client.kanboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.ops.AttachFilesRequest;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The {@code attachFile} step's semantics over the Kanboard client: result map, re-runs, dry run, the size cap. */
public class KanboardAttachFilesOperationTest extends KanboardTestSupport {
    private static final long CAP = 10L * 1024 * 1024;

    private final AttachmentUpload report = Uploads.text("report.html", "<h1>Report</h1>\n");
    private final AttachmentUpload log = Uploads.text("build.log", "ok\n");

    private BoardOperations operations() {
        return new BoardOperations(appClient(), "Smoke 1795504637");
    }

    /** The task "#4" of the recordings, then the files its project has. */
    private void cardWithTheRecordedFile() {
        answer("13-getTask");
        projects();
        answer("10-getColumns");
        answer("35-getAllTaskFiles");
    }

    private List<String> methodsCalled() throws Exception {
        List<String> methods = new ArrayList<>();
        while (server.getRequestCount() > methods.size()) {
            methods.add(Json.MAPPER.readTree(take().getBody().readUtf8()).path("method").asText());
        }
        return methods;
    }

    private Map<String, Object> file(String name, String id, long size, boolean uploaded) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("id", id);
        map.put("url", id == null ? null
                : baseUrl() + "/?controller=FileViewerController&action=download&task_id=4&file_id=" + id);
        map.put("size", size);
        map.put("uploaded", uploaded);
        return map;
    }

    @Test
    public void onlyTheFilesTheCardLacksAreUploaded() throws Exception {
        cardWithTheRecordedFile();
        result("7");
        Map<String, Object> result = operations().attachFiles(
                new AttachFilesRequest("#4", null, null, List.of(report, log), CAP, false)).toMap();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("vendor", "Kanboard");
        expected.put("id", "4");
        expected.put("url", baseUrl() + "/?controller=TaskViewController&action=show&task_id=4");
        expected.put("board", "Smoke 1795504637");
        expected.put("column", "Ready");
        expected.put("title", "Smoke task");
        expected.put("dryRun", false);
        expected.put("card", "4");
        // The recorded file (same name, same size) is the re-run's: kept, not sent again.
        expected.put("attachments", List.of(file("report.html", "6", 16, false), file("build.log", "7", 3, true)));
        assertEquals(expected, result);
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getAllTaskFiles", "createTaskFile"), methodsCalled());
    }

    @Test
    public void dryRunListsWhatWouldBeUploadedAndSendsNothing() throws Exception {
        cardWithTheRecordedFile();
        Map<String, Object> result = operations().attachFiles(
                new AttachFilesRequest("#4", null, null, List.of(report, log), CAP, true)).toMap();
        assertEquals(true, result.get("dryRun"));
        assertEquals(List.of(file("report.html", "6", 16, false), file("build.log", null, 3, true)),
                result.get("attachments"));
        assertEquals(List.of("getTask", "getAllProjects", "getColumns", "getAllTaskFiles"), methodsCalled());
    }

    @Test
    public void aFileOverTheCapFailsBeforeAnyRequest() {
        AttachmentUpload big = new AttachmentUpload("core.dump", CAP + 1, () -> {
            throw new AssertionError("a file over the cap is never opened");
        });
        ValidationException e = assertThrows(ValidationException.class, () -> operations().attachFiles(
                new AttachFilesRequest("#4", null, null, List.of(log, big), CAP, false)));
        assertEquals("Kanboard attachFile: 'file': 'core.dump' has 10485761 bytes, more than the 10485760 a file may"
                + " have on this connection", e.getMessage());
        assertEquals("file", e.field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void noFileIsAValidationError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> operations().attachFiles(new AttachFilesRequest("#4", null, null, List.of(), CAP, false)));
        assertEquals("Kanboard attachFile: 'file': no file to attach", e.getMessage());
    }

    @Test
    public void aPropertyIsRefusedBeforeAnyRequest() {
        ValidationException e = assertThrows(ValidationException.class, () -> operations().attachFiles(
                new AttachFilesRequest("#4", null, "Report", List.of(report), CAP, false)));
        assertEquals("Kanboard attachFile: 'property': Kanboard cards keep their files in one list; 'property' names a"
                + " KE-chain activity's attachment property, so leave it out", e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
