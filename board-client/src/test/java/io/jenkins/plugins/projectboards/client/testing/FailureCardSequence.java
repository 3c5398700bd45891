package io.jenkins.plugins.projectboards.client.testing;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.projectboards.client.failure.JobBuild;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.FailureCardRequest;
import java.util.List;
import java.util.Map;

/** A job that fails twice and is then fixed, played through {@code BoardOperations.failureCard} (the RigTests' part). */
public final class FailureCardSequence {
    private FailureCardSequence() {}

    /**
     * Plays builds 1 (FAILURE), 2 (FAILURE) and 3 (SUCCESS) of {@code job}, printing each result, and checks that all
     * three name one card.
     *
     * @return the card's id
     */
    public static String failFailFixed(BoardOperations operations, String job, String column, String done) {
        Object[][] builds = {{1, "FAILURE", null}, {2, "FAILURE", "FAILURE"}, {3, "SUCCESS", "FAILURE"}};
        List<String> actions = List.of("OPEN", "STILL_FAILING", "FIXED");
        String cardId = null;
        for (int i = 0; i < builds.length; i++) {
            int number = (Integer) builds[i][0];
            JobBuild build = new JobBuild(job, job + " #" + number, number, "https://ci.example/job/" + job + "/" + number + "/",
                    (String) builds[i][1], (String) builds[i][2], 0);
            Map<String, Object> result = operations.failureCard(new FailureCardRequest(null, column, List.of(), List.of("FAILURE"), done,
                    build, false)).toMap();
            System.out.println("failure card, build #" + number + " " + builds[i][1] + ": " + result);
            assertEquals(actions.get(i), result.get("action"));
            String id = (String) ((Map<?, ?>) result.get("card")).get("id");
            if (cardId != null) {
                assertEquals("every build names the one card", cardId, id);
            }
            cardId = id;
        }
        return cardId;
    }
}
