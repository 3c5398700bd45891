package io.jenkins.plugins.projectboards.client.testing;

import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import okio.ByteString;
import okio.ForwardingSink;
import okio.Okio;

/**
 * Files to upload in tests: small ones from bytes, large ones generated while read, a sink that measures writes, and
 * the parts of a multipart request as the server received them.
 */
public final class Uploads {
    private Uploads() {}

    public static AttachmentUpload text(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static AttachmentUpload bytes(String name, byte[] content) {
        return new AttachmentUpload(name, content.length, () -> new ByteArrayInputStream(content));
    }

    /** {@code size} bytes made up while they are read (byte i is {@code i * 31 mod 251}); nothing holds them. */
    public static AttachmentUpload generated(String name, long size, AtomicInteger opened) {
        return new AttachmentUpload(name, size, () -> {
            opened.incrementAndGet();
            return generatedStream(size);
        });
    }

    public static InputStream generatedStream(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? (int) (position++ * 31 % 251) : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++) {
                    into[offset + i] = (byte) (position++ * 31 % 251);
                }
                return count;
            }
        };
    }

    /** The SHA-256 of everything {@code in} gives, in hex; closes it. */
    public static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[64 * 1024];
            for (int read; (read = in.read(chunk)) != -1; ) {
                digest.update(chunk, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One part of a multipart body: its {@code Content-Disposition}, its {@code Content-Type} (or null) and bytes. */
    public record Part(String disposition, String contentType, ByteString body) {
        /** {@code disposition | type | body as text}, for exact assertions on small parts. */
        public String describe() {
            return disposition + " | " + contentType + " | " + body.utf8();
        }
    }

    /**
     * The parts of a {@code multipart/form-data} request, read back as a multipart reader does (OkHttp 4 adds a
     * Content-Length to each part, OkHttp 5 does not, so only the headers that matter are kept). Reads the body.
     */
    public static List<Part> parts(RecordedRequest request) throws IOException {
        MediaType type = MediaType.get(request.getHeader("Content-Type"));
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(request.getBody(), type.parameter("boundary"))) {
            for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
                parts.add(new Part(part.headers().get("Content-Disposition"), part.headers().get("Content-Type"),
                        part.body().readByteString()));
            }
        }
        return parts;
    }

    /**
     * A sink that throws away what it is given and records the largest single write and the total: a body written
     * through it in bounded writes was never held whole.
     */
    public static final class MeasuringSink extends ForwardingSink {
        public long total;
        public long largestWrite;

        public MeasuringSink() {
            super(Okio.blackhole());
        }

        @Override
        public void write(Buffer source, long byteCount) throws IOException {
            total += byteCount;
            largestWrite = Math.max(largestWrite, byteCount);
            super.write(source, byteCount);
        }
    }
}
