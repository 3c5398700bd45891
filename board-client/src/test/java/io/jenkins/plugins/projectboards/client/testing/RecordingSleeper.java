package io.jenkins.plugins.projectboards.client.testing;

import io.jenkins.plugins.projectboards.client.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that only writes down how long it was asked to wait, so retry tests run at once. */
public final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
