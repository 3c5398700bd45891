package io.jenkins.plugins.projectboards.client.ops;

import io.jenkins.plugins.projectboards.client.failure.JobBuild;
import java.util.List;

/**
 * The arguments of {@code notifyBoard}'s {@code openOnFailure}, as the user wrote them, and the build they apply to.
 *
 * @param board board name or id; blank means the connection's default board
 * @param column where a new card goes; blank means the board's first column
 * @param labels labels of a new card
 * @param results the results that count as broken ({@link io.jenkins.plugins.projectboards.client.failure.FailureCards}); empty for {@code FAILURE}
 * @param moveOnSuccess where the card goes when the job is fixed; blank leaves it where it is
 */
public record FailureCardRequest(
        String board, String column, List<String> labels, List<String> results, String moveOnSuccess, JobBuild build, boolean dryRun) {

    public FailureCardRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
        results = results == null ? List.of() : List.copyOf(results);
    }
}
