package io.jenkins.plugins.projectboards.client.planka;

import io.jenkins.plugins.projectboards.client.ApiException;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.BufferedSink;
import okio.Okio;
import org.junit.Test;

/** Card attachments over Planka's REST API: the exact multipart upload, the listing, and lost answers. */
public class PlankaAttachmentsTest extends PlankaTestSupport {
    private static final String RECORDED_CARD = "1920200958193698019";

    private String download(String id, String name) {
        return "http://127.0.0.1:18090/attachments/" + id + "/download/" + name;
    }

    @Test
    public void listKeepsTheFilesOfTheRecordedCard() throws Exception {
        answer("45-cards-show-attachments");
        List<Attachment> files = client().attachments().list(RECORDED_CARD);
        expect("GET", "/api/cards/" + RECORDED_CARD, null);
        // The recorded answer's links name the recording server's host; they are not this connection's, so dropped.
        assertEquals(List.of(new Attachment("r.html", "1920200962094400742", 13, null),
                new Attachment("report.html", "1920202822486328552", 16, null)), files);
    }

    @Test
    public void linksOnTheConnectionsHostAreKept() throws Exception {
        json(200, """
                {"item":{"id":"5"},"included":{"attachments":[\
                {"id":"8","type":"link","name":"docs","data":{"url":"%1$s/x"}},\
                {"id":"9","type":"file","name":"a.txt","data":{"size":3,"url":"%1$s/attachments/9/download/a.txt"}}]}}"""
                .formatted(baseUrl()));
        assertEquals(List.of(new Attachment("a.txt", "9", 3, baseUrl() + "/attachments/9/download/a.txt")),
                client().attachments().list("5"));
    }

    @Test
    public void uploadIsOneMultipartRequestWithTypeNameAndTheFile() throws Exception {
        answer("44-attachments-create");
        Attachment made = client().attachments().upload(CARD, Uploads.text("report.html", "<h1>Report</h1>\n"));
        assertEquals(new Attachment("report.html", "1920202822486328552", 16, null), made);

        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/cards/" + CARD + "/attachments", request.getPath());
        assertEquals(API_KEY, request.getHeader("X-Api-Key"));
        MediaType type = MediaType.get(request.getHeader("Content-Type"));
        assertEquals("multipart/form-data", type.type() + "/" + type.subtype());
        assertEquals(String.valueOf(request.getBodySize()), request.getHeader("Content-Length"));
        assertEquals(List.of("form-data; name=\"type\" | null | file",
                "form-data; name=\"name\" | null | report.html",
                "form-data; name=\"file\"; filename=\"report.html\" | application/octet-stream | <h1>Report</h1>\n"),
                Uploads.parts(request).stream().map(Uploads.Part::describe).toList());
    }

    @Test
    public void lostAnswerIsFoundByNameAndSizeAndNotSentAgain() throws Exception {
        RecordingHttpListener events = new RecordingHttpListener();
        options = options.withListener(events);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        answer("45-cards-show-attachments");
        AtomicInteger opened = new AtomicInteger();
        Attachment found = client().attachments().upload(RECORDED_CARD, Uploads.generated("report.html", 16, opened));
        assertEquals(new Attachment("report.html", "1920202822486328552", 16, null), found);
        assertEquals("POST", take().getMethod());
        expect("GET", "/api/cards/" + RECORDED_CARD, null);
        assertEquals(2, server.getRequestCount());
        assertEquals(1, opened.get());
        assertEquals(List.of("Planka POST /api/cards/{id}/attachments: lost create found by reference"), events.events);
    }

    @Test
    public void lostAnswerWithoutTheFileOnTheCardIsSentOnceMore() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(502));
        json(200, """
                {"item":{"id":"5"},"included":{"attachments":[]}}""");
        json(200, """
                {"item":{"id":"12","type":"file","name":"log.txt","data":{"size":1000}}}""");
        AtomicInteger opened = new AtomicInteger();
        Attachment made = client().attachments().upload("5", Uploads.generated("log.txt", 1000, opened));
        assertEquals(new Attachment("log.txt", "12", 1000, null), made);
        assertEquals(List.of("POST", "GET", "POST"), List.of(take().getMethod(), take().getMethod(), take().getMethod()));
        assertEquals(2, opened.get());
    }

    @Test
    public void theMultipartBodyIsWrittenInBoundedPiecesNeverWhole() throws Exception {
        long size = 50L * 1024 * 1024;
        AtomicInteger opened = new AtomicInteger();
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "big.bin", AttachmentUploads.streamed(
                        Uploads.generated("big.bin", size, opened), MediaType.get("application/octet-stream")))
                .build();
        Uploads.MeasuringSink sink = new Uploads.MeasuringSink();
        try (BufferedSink buffered = Okio.buffer(sink)) {
            body.writeTo(buffered);
        }
        assertEquals(body.contentLength(), sink.total);
        assertTrue(sink.total > size);
        assertTrue("largest write " + sink.largestWrite, sink.largestWrite <= 128 * 1024);
        assertEquals(1, opened.get());
    }

    @Test
    public void aFileAProxyFindsTooLargeSaysSoAndIsNotSentAgain() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(413).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>413 Request Entity Too Large</title></head><body><center>nginx</center></body></html>"));
        ApiException e = assertThrows(ApiException.class,
                () -> client().attachments().upload(CARD, Uploads.text("report.html", "<h1>Report</h1>\n")));
        assertEquals("Planka POST /api/cards/{id}/attachments (HTTP 413): the server, or a proxy before it, refused the request as too"
                + " large; keep the connection's largest attachment (maxAttachmentMiB) within what it accepts", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }
}
