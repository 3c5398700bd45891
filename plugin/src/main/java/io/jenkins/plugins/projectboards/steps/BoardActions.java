package io.jenkins.plugins.projectboards.steps;

import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CommentResult;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskResult;
import io.jenkins.plugins.projectboards.client.ops.MoveCardRequest;
import io.jenkins.plugins.projectboards.client.ops.MoveCardResult;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.tracking.LinkedCard;
import io.jenkins.plugins.projectboards.tracking.LinkedCardsAction;
import java.util.Map;

/**
 * The card operations as both the Pipeline steps and the freestyle build steps perform them: the facade call, the
 * console line, the result map.
 */
public final class BoardActions {
    private BoardActions() {}

    public static Map<String, Object> createTask(BoardConnection connection, Run<?, ?> run, StepConsole console, CreateTaskRequest request) {
        CreateTaskResult result = operations(connection, run).createTask(request);
        Card card = result.card();
        String where = Messages.CreateTaskStep_where(card.vendor().displayName(), card.board().name(), card.column().name());
        if (result.dryRun()) {
            console.line(result.created()
                    ? Messages.CreateTaskStep_wouldCreate(card.title(), where)
                    : Messages.CreateTaskStep_wouldReuse(card.title(), card.reference()));
        } else if (result.created()) {
            console.linkLine(Messages.CreateTaskStep_created(), card.url(), card.title(), " " + where);
            LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), card, LinkedCard.What.CREATED, where));
        } else {
            console.linkLine(Messages.CreateTaskStep_reused(), card.url(), card.title(), " " + Messages.CreateTaskStep_byReference(card.reference()));
        }
        return result.toMap();
    }

    public static Map<String, Object> moveCard(BoardConnection connection, Run<?, ?> run, StepConsole console, MoveCardRequest request) {
        MoveCardResult result = operations(connection, run).moveCard(request);
        Card moved = result.card();
        String target = moved.column().name();
        if (!result.moved()) {
            console.linkLine(Messages.MoveCardStep_card(), moved.url(), moved.title(), " " + Messages.MoveCardStep_alreadyIn(target));
        } else {
            String fromTo = Messages.MoveCardStep_fromTo(result.previousColumn(), target);
            console.linkLine(result.dryRun() ? Messages.MoveCardStep_wouldMove() : Messages.MoveCardStep_moved(), moved.url(),
                    moved.title(), " " + fromTo);
            if (!result.dryRun()) {
                LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), moved, LinkedCard.What.MOVED, fromTo));
            }
        }
        return result.toMap();
    }

    public static Map<String, Object> commentOnTask(BoardConnection connection, Run<?, ?> run, StepConsole console, CommentRequest request) {
        CommentResult result = operations(connection, run).commentOnTask(request);
        Card card = result.card();
        console.linkLine(result.dryRun() ? Messages.CommentOnTaskStep_wouldComment() : Messages.CommentOnTaskStep_commented(),
                card.url(), Messages.CommentOnTaskStep_card(card.id()), "");
        if (!result.dryRun()) {
            LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), card, LinkedCard.What.COMMENTED, null));
        }
        return result.toMap();
    }

    static BoardOperations operations(BoardConnection connection, Run<?, ?> run) {
        return new BoardOperations(connection.client(run), connection.getDefaultBoard());
    }
}
