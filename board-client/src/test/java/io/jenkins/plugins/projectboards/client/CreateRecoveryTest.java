package io.jenkins.plugins.projectboards.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.testing.RecordingHttpListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.Test;

public class CreateRecoveryTest {
    private static final Instant STARTED = Instant.parse("2026-01-01T12:00:00Z");
    private final List<String> sent = new ArrayList<>();
    private final RecordingHttpListener events = new RecordingHttpListener();

    /** Sends: the first attempt fails with {@code first}, any later one answers "second". */
    private Supplier<String> send(BoardException first) {
        return () -> {
            sent.add("create");
            if (sent.size() == 1 && first != null) {
                throw first;
            }
            return sent.size() == 1 ? "first" : "second";
        };
    }

    private static ConnectionException lost() {
        return new ConnectionException(Vendor.PLANKA, "create card", 0, "connection reset");
    }

    @Test
    public void answeredCreateIsSentOnce() {
        assertEquals("first", CreateRecovery.create(events, STARTED, "EXT-1", send(null), ref -> Optional.empty(), since -> Optional.empty()));
        assertEquals(1, sent.size());
        assertEquals(List.of(), events.events);
    }

    @Test
    public void lostCreateWithReferenceIsFoundByReference() {
        assertEquals("found EXT-1", CreateRecovery.create(events, STARTED, "EXT-1", send(lost()),
                ref -> Optional.of("found " + ref), since -> Optional.of("by title")));
        assertEquals(1, sent.size());
        assertEquals(List.of("Planka create card: lost create found by reference"), events.events);
    }

    @Test
    public void lostCreateWithoutReferenceIsFoundByTitleSinceTheWindow() {
        List<Instant> asked = new ArrayList<>();
        assertEquals("by title", CreateRecovery.create(events, STARTED, null, send(lost()), ref -> Optional.of("by ref"),
                since -> { asked.add(since); return Optional.of("by title"); }));
        assertEquals(List.of(STARTED.minus(CreateRecovery.RECOVERY_WINDOW)), asked);
        assertEquals(1, sent.size());
        assertEquals(List.of("Planka create card: lost create found by title"), events.events);
    }

    @Test
    public void nothingFoundSendsOnceMore() {
        assertEquals("second", CreateRecovery.create(events, STARTED, null, send(lost()), ref -> Optional.empty(), since -> Optional.empty()));
        assertEquals(2, sent.size());
        assertEquals(List.of("Planka create card: lost create not found, sent again"), events.events);
    }

    @Test
    public void serverRefusalIsNotRecovered() {
        ApiException refused = new ApiException(Vendor.PLANKA, "create card", 422, "bad");
        assertSame(refused, assertThrows(ApiException.class, () -> CreateRecovery.create(events, STARTED, "EXT-1", send(refused),
                ref -> Optional.of("found"), since -> Optional.of("found"))));
        assertEquals(1, sent.size());
        assertEquals(List.of(), events.events);
    }

    @Test
    public void failedLookupReportsTheCreatesOwnFailure() {
        ConnectionException lost = lost();
        assertSame(lost, assertThrows(ConnectionException.class, () -> CreateRecovery.create(events, STARTED, "EXT-1", send(lost),
                ref -> { throw new ConnectionException(Vendor.PLANKA, "read board", 0, "still down"); }, null)));
        assertEquals(1, sent.size());
        assertEquals(List.of(), events.events);
    }

    @Test
    public void referenceOnlyVendorReportsALostCreateWithoutReference() {
        ConnectionException lost = lost();
        assertSame(lost, assertThrows(ConnectionException.class,
                () -> CreateRecovery.create(events, null, send(lost), ref -> Optional.of("found"))));
        assertEquals(1, sent.size());
        assertEquals(List.of(), events.events);
    }

    @Test
    public void readBackFailureIsNotALostCreate() {
        ConnectionException readFailed = new ConnectionException(Vendor.KANBOARD, "getTask", 0, "reset");
        assertSame(readFailed, assertThrows(ConnectionException.class, () -> CreateRecovery.create(events, STARTED, null, send(null),
                id -> { throw readFailed; }, ref -> Optional.of("found"), since -> Optional.of("found"))));
        assertEquals(1, sent.size());
        assertEquals(List.of(), events.events);
    }
}
