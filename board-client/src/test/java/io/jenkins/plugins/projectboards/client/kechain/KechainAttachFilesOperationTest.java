package io.jenkins.plugins.projectboards.client.kechain;

import static io.jenkins.plugins.projectboards.client.kechain.KechainAttachmentsTest.LOG;
import static io.jenkins.plugins.projectboards.client.kechain.KechainAttachmentsTest.LOG_PART;
import static io.jenkins.plugins.projectboards.client.kechain.KechainAttachmentsTest.PART;
import static io.jenkins.plugins.projectboards.client.kechain.KechainAttachmentsTest.PARTS_QUERY;
import static io.jenkins.plugins.projectboards.client.kechain.KechainAttachmentsTest.REPORT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.ops.AttachFilesRequest;
import io.jenkins.plugins.projectboards.client.ops.AttachFilesResult;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The {@code attachFile} step's semantics on KE-chain: the file goes into one writable attachment property of the
 * activity (the named one, or the only one), replacing what it held; the same file there is not sent again; a dry
 * run sends nothing; and every way of not naming exactly one property is a typed error that lists the choices.
 */
public class KechainAttachFilesOperationTest extends KechainTestSupport {
    private static final long CAP = 10L * 1024 * 1024;
    private static final String FILE = "<h1>Report</h1>\n";

    private final AttachmentUpload report = Uploads.text("report.html", FILE);

    private BoardOperations operations() {
        return new BoardOperations(client(), null);
    }

    private AttachFilesResult attach(String property, boolean dryRun, AttachmentUpload... files) {
        return operations().attachFiles(new AttachFilesRequest(ACTIVITY, null, property, List.of(files), CAP, dryRun));
    }

    /** The recorded activity (found by id) and its scope, then its associations and parts; Report holds {@code file}. */
    private void activityWhoseReportHolds(String file, long size) {
        body(200, "activity-completed.json");
        body(200, "scope.json");
        json(200, KechainAttachmentsTest.associations());
        json(200, KechainAttachmentsTest.parts(file));
        if (file != null) {
            server.enqueue(KechainAttachmentsTest.length(size));
        }
    }

    private void expectTheActivityAndItsFields(boolean reportHoldsAFile) throws Exception {
        expect("GET", "/kc/api/activities/" + ACTIVITY + ".json");
        expect("GET", "/kc/api/v3/scopes.json?id=" + SCOPE + "&limit=2");
        expect("GET", "/kc/api/associations.json?activity=" + ACTIVITY + "&limit=100");
        expect("GET", PARTS_QUERY);
        if (reportHoldsAFile) {
            expect("HEAD", "/kc/api/v3/properties/" + REPORT + "/download");
        }
    }

    private Map<String, Object> expectedMap(boolean dryRun, Map<String, Object> file) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("vendor", "KE-chain");
        expected.put("id", ACTIVITY);
        expected.put("url", baseUrl() + "/kc/#/scopes/" + SCOPE + "/activities/" + ACTIVITY);
        expected.put("board", "Bike Project");
        expected.put("column", "COMPLETED");
        expected.put("title", "TEST ACTIVITY");
        expected.put("dryRun", dryRun);
        expected.put("card", ACTIVITY);
        expected.put("attachments", List.of(file));
        return expected;
    }

    private Map<String, Object> file(String name, String id, long size, boolean uploaded, String property) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("id", id);
        map.put("url", id == null ? null : baseUrl() + "/kc/api/v3/properties/" + id + "/download");
        map.put("size", size);
        map.put("uploaded", uploaded);
        map.put("property", property);
        return map;
    }

    @Test
    public void theFileGoesIntoTheNamedPropertyReplacingWhatItHeld() throws Exception {
        activityWhoseReportHolds("old.html", 3);
        json(200, """
                {"results":[{"id":"%s","name":"Report"}]}""".formatted(REPORT));
        AttachFilesResult result = attach("Report", false, report);
        assertEquals(expectedMap(false, file("report.html", REPORT, FILE.length(), true, "Report")), result.toMap());
        assertEquals("old.html", result.attachments().get(0).replaced());
        expectTheActivityAndItsFields(true);
        assertEquals(List.of("form-data; name=\"part\" | null | " + PART,
                "form-data; name=\"attachment\"; filename=\"report.html\" | null | " + FILE),
                Uploads.parts(expect("POST", "/kc/api/v3/properties/" + REPORT + "/upload")).stream()
                        .map(Uploads.Part::describe).toList());
        assertEquals(6, server.getRequestCount());
    }

    @Test
    public void theSameFileInThePropertyIsNotSentAgain() throws Exception {
        activityWhoseReportHolds("report.html", FILE.length());
        AttachFilesResult result = attach(REPORT, false, report);
        assertEquals(expectedMap(false, file("report.html", REPORT, FILE.length(), false, "Report")), result.toMap());
        assertEquals(null, result.attachments().get(0).replaced());
        expectTheActivityAndItsFields(true);
        assertEquals(5, server.getRequestCount());
    }

    @Test
    public void aFileOfAnotherSizeUnderTheSameNameIsSent() throws Exception {
        activityWhoseReportHolds("report.html", 3);
        json(200, """
                {"results":[{"id":"%s","name":"Report"}]}""".formatted(REPORT));
        assertEquals(true, attach("report", false, report).attachments().get(0).uploaded());
        assertEquals(6, server.getRequestCount());
    }

    @Test
    public void dryRunSaysWhatWouldGoWhereAndSendsNothing() throws Exception {
        activityWhoseReportHolds(null, 0);
        AttachFilesResult result = attach("Log", true, report);
        assertEquals(expectedMap(true, file("report.html", null, FILE.length(), true, "Log")), result.toMap());
        assertEquals(null, result.attachments().get(0).replaced());
        expectTheActivityAndItsFields(false);
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void severalPropertiesAndNoneNamedListsThem() {
        activityWhoseReportHolds(null, 0);
        ValidationException e = assertThrows(ValidationException.class, () -> attach(null, false, report));
        assertEquals("property", e.field());
        assertEquals("KE-chain attachFile: 'property': 'TEST ACTIVITY' has 2 attachment properties (Report, Log); name"
                + " the one for the file with property:", e.getMessage());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void anUnknownPropertyListsTheActivitysOnes() {
        activityWhoseReportHolds(null, 0);
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> attach("Reports", false, report));
        assertEquals("KE-chain attachFile: unknown attachment property 'Reports'; valid attachment properties: Report, Log",
                e.getMessage());
    }

    @Test
    public void anActivityWithoutAWritableAttachmentPropertySaysSo() {
        body(200, "activity-completed.json");
        body(200, "scope.json");
        json(200, """
                {"results":[]}""");
        ValidationException e = assertThrows(ValidationException.class, () -> attach(null, false, report));
        assertEquals("KE-chain attachFile: 'property': 'TEST ACTIVITY' has no writable attachment property to put a file in",
                e.getMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void twoPropertiesOfOneNameAreNamedByIdOnly() throws Exception {
        body(200, "activity-completed.json");
        body(200, "scope.json");
        json(200, KechainAttachmentsTest.associations());
        json(200, KechainAttachmentsTest.parts(null).replace("\"name\":\"Log\"", "\"name\":\"Report\""));
        ValidationException e = assertThrows(ValidationException.class, () -> attach("Report", true, report));
        assertEquals("KE-chain attachFile: 'property': 2 attachment properties of 'TEST ACTIVITY' are named 'Report'; name"
                + " one by id: " + REPORT + ", " + LOG, e.getMessage());

        body(200, "activity-completed.json");
        body(200, "scope.json");
        json(200, KechainAttachmentsTest.associations());
        json(200, KechainAttachmentsTest.parts(null).replace("\"name\":\"Log\"", "\"name\":\"Report\""));
        AttachFilesResult byId = attach(LOG, true, report);
        assertEquals(LOG, byId.attachments().get(0).field().id());
        assertEquals(LOG_PART, byId.attachments().get(0).field().owner());
    }

    @Test
    public void severalFilesForOnePropertyAreRefusedBeforeAnyRequest() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> attach("Report", false, report, Uploads.text("b.html", "b")));
        assertEquals("KE-chain attachFile: 'file': 2 files were given (report.html, b.html), but an attachment property"
                + " holds one file: attach each with its own attachFile and property, or pack them into one archive",
                e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    public void aFileOverTheCapIsRefusedBeforeAnyRequest() {
        AttachmentUpload big = new AttachmentUpload("core.dump", CAP + 1, () -> {
            throw new AssertionError("a file over the cap is never opened");
        });
        ValidationException e = assertThrows(ValidationException.class, () -> attach("Report", false, big));
        assertEquals("file", e.field());
        assertEquals(0, server.getRequestCount());
    }
}
