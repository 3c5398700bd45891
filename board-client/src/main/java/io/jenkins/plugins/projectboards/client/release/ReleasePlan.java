package io.jenkins.plugins.projectboards.client.release;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import java.util.List;

/**
 * The cards a release updates, and those skipped because they were already released in this version.
 */
public record ReleasePlan(String version, List<CardRef> toUpdate, List<CardRef> alreadyReleased) {

    public ReleasePlan {
        toUpdate = List.copyOf(toUpdate);
        alreadyReleased = List.copyOf(alreadyReleased);
    }

    /** One update per card: the release comment, and the move when {@code moveTo} is given. */
    public List<CardUpdate> updates(BoardRef board, String comment, String moveTo) {
        return toUpdate.stream()
                .map(ref -> new CardUpdate(ref, ref.kind() == CardRef.Kind.ID ? null : board, comment, moveTo))
                .toList();
    }
}
