package io.jenkins.plugins.projectboards.client.failure;

/**
 * A finished (or finishing) build as the failure card sees it; the plugin reads it from Jenkins' build history.
 *
 * @param job the job's full name ({@code folder/job}), which names the card's reference
 * @param name how the build is called in texts, e.g. {@code shop » main #42}
 * @param number the build's number
 * @param url the build's page, or {@code null} when Jenkins has no URL configured
 * @param result {@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}, {@code ABORTED} or {@code NOT_BUILT}
 * @param previousResult the result of the last completed build before this one that was neither aborted nor not
 *     built, or {@code null} when there is none
 * @param lastHealthy the number of the last completed build before this one whose result did not count as broken
 *     ({@link FailureCards#healthy}), or 0 when there is none: the break this build belongs to started after it
 */
public record JobBuild(String job, String name, int number, String url, String result, String previousResult, int lastHealthy) {}
