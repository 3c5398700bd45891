package io.jenkins.plugins.projectboards.client.kechain;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.ApiException;
import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentField;
import io.jenkins.plugins.projectboards.client.AuthenticationException;
import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ColumnRef;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.MalformedResponseException;
import io.jenkins.plugins.projectboards.client.NotFoundException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.Test;

/**
 * An activity's files over KE-chain's REST API, as pykechain 4.16 reaches them: the writable attachment properties of
 * its associations, their files' sizes from the download's headers, the exact multipart upload, and what a fault does.
 * The answers are written here in the shapes of pykechain's recorded exchanges (docs/kechain.md, "Attachments").
 */
public class KechainAttachmentsTest extends KechainTestSupport {
    static final String PART = "5a1e0000-0000-4000-8000-000000000001";
    static final String LOG_PART = "5a1e0000-0000-4000-8000-000000000002";
    static final String REPORT = "7e9d0000-0000-4000-8000-00000000000a";
    static final String LOG = "7e9d0000-0000-4000-8000-00000000000b";
    static final String DRAWING = "7e9d0000-0000-4000-8000-00000000000c";
    static final String COLOR = "7e9d0000-0000-4000-8000-00000000000d";
    static final String PARTS_QUERY = "/kc/api/v3/parts.json?id__in=" + PART + "%2C" + LOG_PART
            + "&category=INSTANCE&fields=id%2Cname%2Cproperties%2Cproperty_type%2Cvalue&limit=100";
    private static final String FILE = "<h1>Report</h1>\n";

    /** {@code GET api/associations.json?activity=…}: a read-only drawing, then the writable report, colour and log. */
    static String associations() {
        return """
                {"results":[%s,%s,%s,%s]}""".formatted(association(DRAWING, PART, false), association(REPORT, PART, true),
                association(COLOR, PART, true), association(LOG, LOG_PART, true));
    }

    private static String association(String property, String part, boolean writable) {
        return """
                {"id":"a-%s","widget":"w-1","activity":"%s","model_property":"m-%s","model_part":"mp-%s",\
                "instance_property":"%s","instance_part":"%s","writable":%s}""".formatted(property, ACTIVITY, property, part,
                property, part, writable);
    }

    /** The two parts, holding the drawing's, the report's and the colour's values and an empty log. */
    static String parts(String reportFile) {
        return """
                {"count":2,"next":null,"previous":null,"results":[
                 {"id":"%s","name":"Release","properties":[
                  {"id":"%s","name":"Drawing","property_type":"ATTACHMENT_VALUE","value":"attachments/%s/plan.pdf"},
                  {"id":"%s","name":"Report","property_type":"ATTACHMENT_VALUE","value":%s},
                  {"id":"%s","name":"Color","property_type":"CHAR_VALUE","value":"orange"}]},
                 {"id":"%s","name":"Logs","properties":[
                  {"id":"%s","name":"Log","property_type":"ATTACHMENT_VALUE","value":null}]}]}"""
                .formatted(PART, DRAWING, DRAWING, REPORT, reportFile == null ? "null" : "\"attachments/" + REPORT + "/" + reportFile + "\"",
                        COLOR, LOG_PART, LOG);
    }

    /** A download's headers: the file's length, as KE-chain's answer to {@code HEAD} states it. */
    static MockResponse length(long bytes) {
        return new MockResponse().setHeader("Content-Type", "text/plain").setHeader("Content-Length", bytes);
    }

    private String download(String property) {
        return baseUrl() + "/kc/api/v3/properties/" + property + "/download";
    }

    private AttachmentField report(Attachment holds) {
        return new AttachmentField(REPORT, "Report", PART, holds);
    }

    private RecordedRequest expectHead(String property) throws Exception {
        RecordedRequest head = expect("HEAD", "/kc/api/v3/properties/" + property + "/download");
        assertEquals("identity", head.getHeader("Accept-Encoding"));
        return head;
    }

    @Test
    public void theFieldsAreTheWritableAttachmentPropertiesWithTheFileEachHolds() throws Exception {
        json(200, associations());
        json(200, parts("report.html"));
        server.enqueue(length(16));
        List<AttachmentField> fields = client().attachments().fields(ACTIVITY);
        assertEquals(List.of(report(new Attachment("report.html", REPORT, 16, download(REPORT))),
                new AttachmentField(LOG, "Log", LOG_PART, null)), fields);
        expect("GET", "/kc/api/associations.json?activity=" + ACTIVITY + "&limit=100");
        expect("GET", PARTS_QUERY);
        expectHead(REPORT);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    public void anActivityWithoutWritableAssociationsHasNoFieldsAndNoPartsAreRead() throws Exception {
        json(200, """
                {"results":[%s]}""".formatted(association(DRAWING, PART, false)));
        assertEquals(List.of(), client().attachments().fields(ACTIVITY));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void partsAreReadFiftyAtATime() throws Exception {
        StringBuilder many = new StringBuilder();
        List<String> partIds = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            String part = String.format("5a1e0000-0000-4000-8000-%012d", 100 + i);
            partIds.add(part);
            many.append(i == 0 ? "" : ",").append(association(String.format("7e9d0000-0000-4000-8000-%012d", 100 + i), part, true));
        }
        json(200, "{\"results\":[" + many + "]}");
        json(200, parts(null));
        json(200, """
                {"results":[{"id":"%s","name":"Row 51","properties":[\
                {"id":"7e9d0000-0000-4000-8000-000000000150","name":"Report","property_type":"ATTACHMENT_VALUE","value":null}]}]}"""
                .formatted(partIds.get(50)));
        assertEquals(List.of(new AttachmentField("7e9d0000-0000-4000-8000-000000000150", "Report", partIds.get(50), null)),
                client().attachments().fields(ACTIVITY));
        take();
        expect("GET", "/kc/api/v3/parts.json?id__in=" + String.join("%2C", partIds.subList(0, 50))
                + "&category=INSTANCE&fields=id%2Cname%2Cproperties%2Cproperty_type%2Cvalue&limit=100");
        expect("GET", "/kc/api/v3/parts.json?id__in=" + partIds.get(50)
                + "&category=INSTANCE&fields=id%2Cname%2Cproperties%2Cproperty_type%2Cvalue&limit=100");
    }

    @Test
    public void aSizeTheDownloadDoesNotStateIsUnknown() throws Exception {
        json(200, associations());
        json(200, parts("report.html"));
        server.enqueue(new MockResponse().removeHeader("Content-Length").setHeader("Transfer-Encoding", "chunked"));
        assertEquals(-1, client().attachments().fields(ACTIVITY).get(0).file().size());

        json(200, associations());
        json(200, parts("report.html"));
        server.enqueue(new MockResponse().setResponseCode(405));
        assertEquals("a HEAD the server refuses leaves the size unknown",
                -1, client().attachments().fields(ACTIVITY).get(0).file().size());
    }

    @Test
    public void theCardsFilesAreTheFilesItsFieldsHold() throws Exception {
        json(200, associations());
        json(200, parts("report.html"));
        server.enqueue(length(16));
        Card card = new Card(Vendor.KECHAIN, ACTIVITY, "Release", null, new BoardRef(SCOPE, "Bike Project"),
                new ColumnRef("OPEN", "OPEN"), null);
        assertEquals(List.of(new Attachment("report.html", REPORT, 16, download(REPORT))), client().attachments(card));
    }

    @Test
    public void uploadIsOneMultipartRequestWithThePartAndTheFileAsPykechainSendsThem() throws Exception {
        json(200, """
                {"results":[{"id":"%s","name":"Report"}]}""".formatted(REPORT));
        Attachment made = client().attachments().upload(report(null), Uploads.text("report.html", FILE));
        assertEquals(new Attachment("report.html", REPORT, FILE.length(), download(REPORT)), made);

        RecordedRequest upload = expect("POST", "/kc/api/v3/properties/" + REPORT + "/upload");
        MediaType type = MediaType.get(upload.getHeader("Content-Type"));
        assertEquals("multipart/form-data", type.type() + "/" + type.subtype());
        assertEquals(String.valueOf(upload.getBodySize()), upload.getHeader("Content-Length"));
        assertEquals(List.of("form-data; name=\"part\" | null | " + PART,
                "form-data; name=\"attachment\"; filename=\"report.html\" | null | " + FILE),
                Uploads.parts(upload).stream().map(Uploads.Part::describe).toList());
    }

    @Test
    public void theBytesReceivedAreTheFilesBytes() throws Exception {
        long size = 3L * 1024 * 1024 + 17;
        json(200, """
                {"results":[{"id":"%s","name":"Report"}]}""".formatted(REPORT));
        AtomicInteger opened = new AtomicInteger();
        client().attachments().upload(report(null), Uploads.generated("build.tar", size, opened));
        Uploads.Part file = Uploads.parts(take()).get(1);
        assertEquals(size, file.body().size());
        assertEquals(Uploads.sha256(Uploads.generatedStream(size)), file.body().sha256().hex());
        assertEquals(1, opened.get());
    }

    @Test
    public void anUnknownPropertyIsNotFoundAndNotSentAgain() throws Exception {
        json(404, """
                {"results":[{"detail":"Not found."}]}""");
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client().attachments().upload(report(null), Uploads.text("report.html", FILE)));
        assertEquals("KE-chain POST api/v3/properties/" + REPORT + "/upload (HTTP 404): Not found.", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void aFileTheServerFindsTooLargeSaysSoAndIsNotSentAgain() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(413).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>413 Request Entity Too Large</title></head><body></body></html>"));
        ApiException e = assertThrows(ApiException.class,
                () -> client().attachments().upload(report(null), Uploads.text("report.html", FILE)));
        assertEquals("KE-chain POST api/v3/properties/" + REPORT + "/upload (HTTP 413): the server, or a proxy before it,"
                + " refused the request as too large; keep the connection's largest attachment (maxAttachmentMiB) within"
                + " what it accepts", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void aRefusedUploadIsAnAuthenticationErrorWithoutTheToken() throws Exception {
        json(403, """
                {"results":[{"detail":"You do not have permission to perform this action."}]}""");
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client().attachments().upload(report(null), Uploads.text("report.html", FILE)));
        assertEquals("KE-chain POST api/v3/properties/" + REPORT + "/upload (HTTP 403): KE-chain refused the request"
                + " (You do not have permission to perform this action.): check the token or user name and password, and"
                + " the account's rights", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void anAnswerWithoutResultsIsMalformed() throws Exception {
        json(200, "{}");
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> client().attachments().upload(report(null), Uploads.text("report.html", FILE)));
        assertEquals("KE-chain POST api/v3/properties/" + REPORT + "/upload: the answer has no results", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void aLostAnswerIsFoundInThePropertyByNameAndSizeAndNotSentAgain() throws Exception {
        RecordingHttpListener events = new RecordingHttpListener();
        options = options.withListener(events);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        json(200, """
                {"results":[{"id":"%s","name":"Report","property_type":"ATTACHMENT_VALUE","value":"attachments/%s/report.html",\
                "part_id":"%s"}]}""".formatted(REPORT, REPORT, PART));
        server.enqueue(length(FILE.length()));
        AtomicInteger opened = new AtomicInteger();
        Attachment found = client().attachments().upload(report(new Attachment("old.html", REPORT, 3, download(REPORT))),
                Uploads.generated("report.html", FILE.length(), opened));
        assertEquals(new Attachment("report.html", REPORT, FILE.length(), download(REPORT)), found);
        expect("POST", "/kc/api/v3/properties/" + REPORT + "/upload");
        expect("GET", "/kc/api/v3/properties/" + REPORT + ".json?fields=id%2Cname%2Cproperty_type%2Cvalue%2Cpart_id");
        expectHead(REPORT);
        assertEquals(3, server.getRequestCount());
        assertEquals(1, opened.get());
        assertEquals(List.of("KE-chain POST api/v3/properties/" + REPORT + "/upload: lost create found by reference"), events.events);
    }

    @Test
    public void aLostAnswerWhileThePropertyStillHoldsTheOldFileIsSentOnceMore() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(502));
        json(200, """
                {"results":[{"id":"%s","name":"Report","property_type":"ATTACHMENT_VALUE","value":"attachments/%s/old.html"}]}"""
                .formatted(REPORT, REPORT));
        server.enqueue(length(3));
        json(200, """
                {"results":[{"id":"%s","name":"Report"}]}""".formatted(REPORT));
        AtomicInteger opened = new AtomicInteger();
        Attachment made = client().attachments().upload(report(null), Uploads.generated("report.html", 1000, opened));
        assertEquals(new Attachment("report.html", REPORT, 1000, download(REPORT)), made);
        assertEquals(List.of("POST", "GET", "HEAD", "POST"),
                List.of(take().getMethod(), take().getMethod(), take().getMethod(), take().getMethod()));
        assertEquals(2, opened.get());
    }

    @Test
    public void aLostAnswerWhileKechainStaysUnreachableSaysItWasNotRetried() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        }
        ConnectionException e = assertThrows(ConnectionException.class,
                () -> client().attachments().upload(report(null), Uploads.text("report.html", FILE)));
        assertEquals("POST api/v3/properties/" + REPORT + "/upload", e.operation());
        assertEquals(true, e.getMessage().endsWith("; not retried because it may already have been applied"));
    }

    @Test
    public void theOnlyWritableAttachmentPropertyTakesAFileGivenWithoutOne() throws Exception {
        json(200, associations());
        json(200, parts(null));
        Card card = new Card(Vendor.KECHAIN, ACTIVITY, "Release", null, new BoardRef(SCOPE, "Bike Project"),
                new ColumnRef("OPEN", "OPEN"), null);
        ValidationException several = assertThrows(ValidationException.class,
                () -> client().attach(card, Uploads.text("report.html", FILE)));
        assertEquals("KE-chain attach file: 'property': 'Release' has 2 attachment properties (Report, Log); name the one"
                + " for the file with property:", several.getMessage());

        json(200, """
                {"results":[%s]}""".formatted(association(REPORT, PART, true)));
        json(200, parts(null));
        json(200, """
                {"results":[{"id":"%s","name":"Report"}]}""".formatted(REPORT));
        assertEquals(REPORT, client().attach(card, Uploads.text("report.html", FILE)).id());
        assertEquals(5, server.getRequestCount());
        for (int skipped = 0; skipped < 3; skipped++) {
            take();
        }
        expect("GET", "/kc/api/v3/parts.json?id__in=" + PART + "&category=INSTANCE&fields=id%2Cname%2Cproperties%2Cproperty_type"
                + "%2Cvalue&limit=100");
        expect("POST", "/kc/api/v3/properties/" + REPORT + "/upload");
    }
}
