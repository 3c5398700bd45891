package io.jenkins.plugins.projectboards.client;

import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * What every vendor's upload shares: the file streamed into the request body, and the upload sent at most once more
 * after a lost answer, and only when the card's attachments show it did not arrive (the {@link CreateRecovery}
 * protocol, with name and size as the reference).
 */
public final class AttachmentUploads {
    private static final int CHUNK = 64 * 1024;

    private AttachmentUploads() {}

    /**
     * Sends {@code upload} with {@code send}; when its answer is lost (a connection failure after sending, or a 5xx),
     * looks among {@code attachments} for a file of the same name and size before sending once more.
     */
    public static Attachment sendOnce(HttpListener events, AttachmentUpload upload, Supplier<Attachment> send,
            Supplier<List<Attachment>> attachments) {
        return CreateRecovery.create(events, upload.name(), send, name -> sameFile(attachments.get(), upload));
    }

    /** The attachment among {@code existing} that {@code upload} would make again, if any. */
    public static Optional<Attachment> sameFile(List<Attachment> existing, AttachmentUpload upload) {
        return existing.stream().filter(attachment -> attachment.sameFileAs(upload)).findFirst();
    }

    /**
     * A file's size for people, the same in every locale: the exact bytes first (as the cap and the vendors count
     * them), then, from 1 KiB, a rounded size: {@code 10 bytes}, {@code 2048 bytes, 2.0 KiB},
     * {@code 5242880 bytes, 5.0 MiB}.
     */
    public static String describeSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        boolean mebibytes = bytes >= 1024 * 1024;
        double rounded = bytes / (mebibytes ? 1024.0 * 1024 : 1024.0);
        return bytes + " bytes, " + String.format(Locale.ROOT, "%.1f %s", rounded, mebibytes ? "MiB" : "KiB");
    }

    /**
     * A request body that reads the file only while OkHttp writes it, each time from the start.
     *
     * @param type the body's content type; {@code null} sends none (a multipart part then has no Content-Type)
     */
    public static RequestBody streamed(AttachmentUpload upload, MediaType type) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return upload.size();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (InputStream in = upload.source().open()) {
                    copyExactly(upload, in, sink);
                }
            }
        };
    }

    /**
     * Copies exactly {@link AttachmentUpload#size()} bytes, a chunk at a time; a file that changed length since it was
     * measured fails the send instead of sending a body that disagrees with its declared length.
     */
    static void copyExactly(AttachmentUpload upload, InputStream in, BufferedSink sink) throws IOException {
        Source source = Okio.source(in);
        long remaining = upload.size();
        while (remaining > 0) {
            long read = source.read(sink.getBuffer(), Math.min(CHUNK, remaining));
            if (read == -1) {
                throw endedEarly(upload, upload.size() - remaining);
            }
            remaining -= read;
            sink.emitCompleteSegments();
        }
        if (in.read() != -1) {
            throw longerThanMeasured(upload);
        }
    }

    /** The file gave fewer bytes than it had when it was measured: the send fails rather than send a short body. */
    public static IOException endedEarly(AttachmentUpload upload, long read) {
        return new IOException("'" + upload.name() + "' ended after " + read + " of " + upload.size()
                + " bytes; did it change while it was sent?");
    }

    /** The file gave more bytes than it had when it was measured. */
    public static IOException longerThanMeasured(AttachmentUpload upload) {
        return new IOException("'" + upload.name() + "' is longer than the " + upload.size()
                + " bytes it had when it was measured; did it change while it was sent?");
    }
}
