package io.jenkins.plugins.projectboards.client.kanboard;

import io.jenkins.plugins.projectboards.client.ApiException;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.Attachment;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.ConnectionException;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.http.Json;
import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import io.jenkins.plugins.projectboards.client.testing.Uploads;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.BufferedSink;
import okio.Okio;
import org.junit.Test;

/** Task files over JSON-RPC: the exact calls, the base64 blob streamed into the body, and lost answers. */
public class KanboardFilesTest extends KanboardTestSupport {

    private String downloadUrl(String taskId, String fileId) {
        return baseUrl() + "/?controller=FileViewerController&action=download&task_id=" + taskId + "&file_id=" + fileId;
    }

    @Test
    public void listReadsTheRecordedTaskFiles() throws Exception {
        answer("35-getAllTaskFiles");
        List<Attachment> files = appClient().files().list("19");
        assertEquals(List.of(new Attachment("report.html", "6", 16, downloadUrl("19", "6"))), files);
        expectCall("getAllTaskFiles", """
                {"task_id":19}""");
    }

    @Test
    public void uploadSendsTheFileAsBase64InsideTheJsonRpcBody() throws Exception {
        answer("34-createTaskFile");
        Attachment made = appClient().files().upload("7", "19", Uploads.text("report.html", "<h1>Report</h1>\n"));
        assertEquals(new Attachment("report.html", "6", 16, downloadUrl("19", "6")), made);

        RecordedRequest request = take();
        assertEquals(APP_AUTH, request.getHeader("Authorization"));
        String body = request.getBody().readUtf8();
        // Content-Length is computed before the file is read, and matches what was written.
        assertEquals(String.valueOf(body.length()), request.getHeader("Content-Length"));
        JsonNode call = Json.MAPPER.readTree(body);
        assertEquals("createTaskFile", call.path("method").asText());
        assertEquals(Json.MAPPER.readTree("""
                {"project_id":7,"task_id":19,"filename":"report.html","blob":"PGgxPlJlcG9ydDwvaDE+Cg=="}"""),
                call.path("params"));
    }

    @Test
    public void binaryFileOfManyChunksDecodesToTheSameBytes() throws Exception {
        byte[] content = new byte[3 * 16 * 1024 * 2 + 7]; // two whole chunks and a short, padded one
        new Random(13).nextBytes(content);
        result("9");
        appClient().files().upload("7", "19", Uploads.bytes("dump \"1\".bin", content));
        JsonNode call = Json.MAPPER.readTree(take().getBody().readUtf8());
        assertEquals("dump \"1\".bin", call.path("params").path("filename").asText());
        assertArrayEquals(content, Base64.getDecoder().decode(call.path("params").path("blob").asText()));
    }

    @Test
    public void theBodyIsWrittenInBoundedPiecesNeverWhole() throws Exception {
        long size = 50L * 1024 * 1024;
        AtomicInteger opened = new AtomicInteger();
        KanboardBlobBody body = new KanboardBlobBody("{\"head\":\"", Uploads.generated("big.bin", size, opened), "\"}");
        Uploads.MeasuringSink sink = new Uploads.MeasuringSink();
        try (BufferedSink buffered = Okio.buffer(sink)) {
            body.writeTo(buffered);
        }
        assertEquals(body.contentLength(), sink.total);
        assertEquals(9 + (size + 2) / 3 * 4 + 2, sink.total);
        assertTrue("largest write " + sink.largestWrite, sink.largestWrite <= 128 * 1024);
        assertEquals(1, opened.get());
    }

    @Test
    public void lostAnswerIsFoundByNameAndSizeAndNotSentAgain() throws Exception {
        RecordingHttpListener events = new RecordingHttpListener();
        options = options.withListener(events);
        enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        answer("35-getAllTaskFiles");
        AtomicInteger opened = new AtomicInteger();
        AttachmentUpload file = new AttachmentUpload("report.html", 16, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream("<h1>Report</h1>\n".getBytes(StandardCharsets.UTF_8));
        });
        Attachment found = appClient().files().upload("7", "19", file);
        assertEquals(new Attachment("report.html", "6", 16, downloadUrl("19", "6")), found);
        assertEquals("createTaskFile", Json.MAPPER.readTree(take().getBody().readUtf8()).path("method").asText());
        expectCall("getAllTaskFiles", """
                {"task_id":19}""");
        assertEquals(2, server.getRequestCount());
        assertEquals(1, opened.get());
        assertEquals(List.of("Kanboard createTaskFile: lost create found by reference"), events.events);
    }

    @Test
    public void lostAnswerWithoutTheFileOnTheTaskIsSentOnceMore() throws Exception {
        enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        result("[]");
        result("11");
        AtomicInteger opened = new AtomicInteger();
        Attachment made = appClient().files().upload("7", "19", Uploads.generated("log.txt", 1000, opened));
        assertEquals(new Attachment("log.txt", "11", 1000, downloadUrl("19", "11")), made);
        assertEquals(List.of("createTaskFile", "getAllTaskFiles", "createTaskFile"), List.of(
                method(take()), method(take()), method(take())));
        assertEquals(2, opened.get());
    }

    @Test
    public void rejectedUploadIsNotSentAgain() {
        result("false");
        ValidationException e = assertThrows(ValidationException.class,
                () -> appClient().files().upload("7", "19", Uploads.text("a.txt", "a")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Kanboard createTaskFile (HTTP 200): Kanboard rejected the call"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    public void fileShorterThanMeasuredFailsTheSendAndIsNotRetriedBlindly() {
        AttachmentUpload shrunk = new AttachmentUpload("a.txt", 10, () -> new ByteArrayInputStream(new byte[4]));
        result("[]");
        assertThrows(ConnectionException.class, () -> appClient().files().upload("7", "19", shrunk));
    }

    private static String method(RecordedRequest request) throws Exception {
        return Json.MAPPER.readTree(request.getBody().readUtf8()).path("method").asText();
    }

    @Test
    public void aFileAProxyFindsTooLargeSaysSoAndIsNotSentAgain() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(413).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>413 Request Entity Too Large</title></head><body><center>nginx</center></body></html>"));
        ApiException e = assertThrows(ApiException.class,
                () -> appClient().files().upload("7", "19", Uploads.text("report.html", "<h1>Report</h1>\n")));
        assertEquals("Kanboard createTaskFile (HTTP 413): the server, or a proxy before it, refused the request as too"
                + " large; keep the connection's largest attachment (maxAttachmentMiB) within what it accepts", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }
}
