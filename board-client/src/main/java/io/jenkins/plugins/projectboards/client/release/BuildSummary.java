package io.jenkins.plugins.projectboards.client.release;

import java.time.Duration;
import java.util.List;

/**
 * What a notification says about a build.
 *
 * @param name how the build is called, e.g. {@code shop » main #42}
 * @param url the build's page; {@code null} when Jenkins has no URL configured
 * @param result {@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}, {@code ABORTED} or {@code NOT_BUILT}
 * @param changes the commits the build brought, oldest first
 */
public record BuildSummary(String name, String url, String result, Duration duration, List<Change> changes) {

    public BuildSummary {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
