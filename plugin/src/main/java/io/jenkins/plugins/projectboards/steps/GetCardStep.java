package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ops.GetCardRequest;
import io.jenkins.plugins.projectboards.client.ops.GetCardResult;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code getCard(card: …)}: reads a card, given by id, reference or URL, with its description, labels, due date,
 * assignee and whether it is closed.
 */
public class GetCardStep extends BoardStep {
    private final String card;

    @DataBoundConstructor
    public GetCardStep(String card) {
        this.card = card;
    }

    public String getCard() {
        return card;
    }

    /** Reads the card and says where it is. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        GetCardRequest request = new GetCardRequest(expand.apply(card), expand.apply(getBoard()), isDryRun());
        return (connection, run, console) -> {
            GetCardResult result = operations(connection, run).getCard(request);
            Card read = result.card().card();
            console.line(Messages.GetCardStep_read(ConsoleLink.to(read.url(), read.title()), read.column().name()));
            return result.toMap();
        };
    }

    @Extension
    @Symbol("getCard")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "getCard";
        }

        @Override
        public String getDisplayName() {
            return Messages.GetCardStep_displayName();
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "card");
        }

        @POST
        public FormValidation doCheckCard(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.BoardStepDescriptor_cardRequired());
        }
    }
}
