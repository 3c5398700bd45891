package io.jenkins.plugins.projectboards.client.kanboard;

import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON-RPC body with a file in base64 in the middle ({@code head}, the file's base64, {@code tail}), encoded a
 * chunk at a time while OkHttp writes it: Kanboard takes files only as a base64 string inside the JSON, and the file
 * must not be in memory whole. Its length is known in advance (base64 is 4 characters per 3 bytes, padded), so the
 * request has a {@code Content-Length}.
 */
final class KanboardBlobBody extends RequestBody {
    /** A multiple of 3, so that every chunk but the last encodes without padding and the chunks join up. */
    private static final int CHUNK = 3 * 16 * 1024;

    private final byte[] head;
    private final AttachmentUpload file;
    private final byte[] tail;

    KanboardBlobBody(String head, AttachmentUpload file, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.file = file;
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public MediaType contentType() {
        return Json.JSON_TYPE;
    }

    @Override
    public long contentLength() {
        return head.length + base64Length(file.size()) + tail.length;
    }

    static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(head);
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[CHUNK];
        long remaining = file.size();
        try (InputStream in = file.source().open()) {
            while (remaining > 0) {
                int filled = in.readNBytes(chunk, 0, (int) Math.min(CHUNK, remaining));
                if (filled == 0) {
                    throw AttachmentUploads.endedEarly(file, file.size() - remaining);
                }
                remaining -= filled;
                // Only the last chunk may be short: readNBytes fills the chunk unless the stream ends.
                sink.write(encoder.encode(filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled)));
                sink.emitCompleteSegments();
            }
            if (in.read() != -1) {
                throw AttachmentUploads.longerThanMeasured(file);
            }
        }
        sink.write(tail);
    }
}
