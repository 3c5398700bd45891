package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ops.CommentRequest;
import io.jenkins.plugins.projectboards.client.ops.CommentResult;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.tracking.LinkedCard;
import io.jenkins.plugins.projectboards.tracking.LinkedCardsAction;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** {@code commentOnTask(task: …, text: …)}: adds a comment to a card given by id, reference or URL. */
public class CommentOnTaskStep extends BoardStep {
    private final String task;
    private final String text;

    @DataBoundConstructor
    public CommentOnTaskStep(String task, String text) {
        this.task = task;
        this.text = text;
    }

    public String getTask() {
        return task;
    }

    public String getText() {
        return text;
    }

    /** Comments on the card, says so with the card (by id) as a link, and records the comment on the build. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        CommentRequest request = new CommentRequest(expand.apply(task), expand.apply(text), expand.apply(getBoard()), isDryRun());
        return (connection, run, console) -> {
            CommentResult result = operations(connection, run).commentOnTask(request);
            Card card = result.card();
            String link = ConsoleLink.to(card.url(), card.id());
            if (result.dryRun()) {
                console.line(Messages.CommentOnTaskStep_wouldComment(link));
            } else {
                console.line(Messages.CommentOnTaskStep_commented(link));
                LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), card, LinkedCard.What.COMMENTED, null));
            }
            return result.toMap();
        };
    }

    @Extension
    @Symbol("commentOnTask")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "commentOnTask";
        }

        @Override
        public String getDisplayName() {
            return Messages.CommentOnTaskStep_displayName();
        }

        /** The card, never the comment: it may be long, and it is the build's text, not a name. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "task");
        }

        @POST
        public FormValidation doCheckTask(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.BoardStepDescriptor_cardRequired());
        }

        @POST
        public FormValidation doCheckText(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.CommentOnTaskStep_textRequired());
        }
    }
}
