package io.jenkins.plugins.projectboards.client.release;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.CardRef;
import io.jenkins.plugins.projectboards.client.CardUpdate;
import java.util.List;
import java.util.Set;

/**
 * The cards a release updates, and those skipped because they were already released in this version.
 *
 * @param commentWritten the cards of {@code toUpdate} (as {@link ReleaseLedger#key}) whose comment an earlier build
 *     wrote before their move failed: they are only moved
 */
public record ReleasePlan(String version, List<CardRef> toUpdate, List<CardRef> alreadyReleased, Set<String> commentWritten) {

    public ReleasePlan {
        toUpdate = List.copyOf(toUpdate);
        alreadyReleased = List.copyOf(alreadyReleased);
        commentWritten = Set.copyOf(commentWritten);
    }

    /** One update per card: the release comment unless already written, and the move when {@code moveTo} is given. */
    public List<CardUpdate> updates(BoardRef board, String comment, String moveTo) {
        return toUpdate.stream()
                .map(ref -> new CardUpdate(ref, ref.kind() == CardRef.Kind.ID ? null : board,
                        commentWritten.contains(ReleaseLedger.key(ref)) ? null : comment, moveTo))
                .toList();
    }
}
