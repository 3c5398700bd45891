package io.jenkins.plugins.projectboards.client.testing;

import io.jenkins.plugins.projectboards.client.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Time under a test's control: it moves when the test sets it or when code under test sleeps (which returns at once). */
public final class TestTime extends Clock implements Sleeper {
    public Instant now;
    public final List<Duration> waits = new ArrayList<>();

    public TestTime(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }
}
