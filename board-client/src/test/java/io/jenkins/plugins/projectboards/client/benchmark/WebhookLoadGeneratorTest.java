package io.jenkins.plugins.projectboards.client.benchmark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/**
 * The load generator reads each answer to its last byte and no further, whatever its framing, so that the next
 * delivery on the kept-alive connection starts at the next answer; a broken answer is a lost delivery.
 */
public class WebhookLoadGeneratorTest {
    private static final String NEXT = "HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden";

    @Test
    public void aContentLengthAnswerEndsAtItsLength() throws IOException {
        InputStream in = stream("HTTP/1.1 202 Accepted\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\naccepted" + NEXT);
        assertEquals(new WebhookLoadGenerator.Answer(202, false), WebhookLoadGenerator.Answer.read(in));
        assertEquals("the next answer is read from where the first ended",
                new WebhookLoadGenerator.Answer(403, false), WebhookLoadGenerator.Answer.read(in));
    }

    @Test
    public void aChunkedAnswerEndsAfterItsLastChunkAndTrailers() throws IOException {
        InputStream in = stream("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\nRetry-After: 10\r\n\r\n"
                + "5\r\nbusy,\r\n11;ext=1\r\n retry later 0123\r\n0\r\nX-Trailer: t\r\n\r\n" + NEXT);
        assertEquals(new WebhookLoadGenerator.Answer(503, false), WebhookLoadGenerator.Answer.read(in));
        assertEquals(new WebhookLoadGenerator.Answer(403, false), WebhookLoadGenerator.Answer.read(in));
    }

    @Test
    public void anAnswerThatClosesTheConnectionSaysSo() throws IOException {
        assertEquals(new WebhookLoadGenerator.Answer(202, true), WebhookLoadGenerator.Answer.read(
                stream("HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")));
        assertEquals("HTTP/1.0 closes unless kept alive", new WebhookLoadGenerator.Answer(202, true),
                WebhookLoadGenerator.Answer.read(stream("HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n")));
        assertEquals(new WebhookLoadGenerator.Answer(202, false), WebhookLoadGenerator.Answer.read(
                stream("HTTP/1.0 202 Accepted\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")));
        assertEquals("a body without a length runs to the end of the connection", new WebhookLoadGenerator.Answer(200, true),
                WebhookLoadGenerator.Answer.read(stream("HTTP/1.1 200 OK\r\n\r\nall of it")));
    }

    @Test
    public void aBrokenAnswerIsAnIOExceptionSoTheDeliveryCountsAsLost() {
        assertThrows(IOException.class, () -> WebhookLoadGenerator.Answer.read(stream("HTTP/1.1 202 Accepted\r\nContent-Len")));
        assertThrows(IOException.class, () -> WebhookLoadGenerator.Answer.read(stream("SSH-2.0-OpenSSH\r\n\r\n")));
        assertThrows(IOException.class, () -> WebhookLoadGenerator.Answer.read(stream("HTTP/1.1 abc Accepted\r\n\r\n")));
        assertThrows(IOException.class, () -> WebhookLoadGenerator.Answer.read(
                stream("HTTP/1.1 202 Accepted\r\nContent-Length: 8\r\n\r\nacc")));
        assertThrows(IOException.class, () -> WebhookLoadGenerator.Answer.read(
                stream("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
