package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ops.UpdateCardRequest;
import io.jenkins.plugins.projectboards.client.ops.UpdateCardResult;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code updateCard(card: …, title: …, description: …, addLabels: […], removeLabels: […], due: …, assignee: …)}: changes
 * only the given fields of a card, and of those only the ones that differ. Also a freestyle operation, so its fields
 * are saved with the job.
 */
public class UpdateCardStep extends BoardStep {
    private final String card;
    private String title;
    private String description;
    private List<String> addLabels = new ArrayList<>();
    private List<String> removeLabels = new ArrayList<>();
    private String due;
    private String assignee;

    @DataBoundConstructor
    public UpdateCardStep(String card) {
        this.card = card;
    }

    public String getCard() {
        return card;
    }

    public String getTitle() {
        return title;
    }

    @DataBoundSetter
    public void setTitle(String title) {
        this.title = Util.fixEmptyAndTrim(title);
    }

    public String getDescription() {
        return description;
    }

    /** Kept as written (not trimmed): it is the card's text. Blank leaves the description as it is. */
    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmpty(description);
    }

    public List<String> getAddLabels() {
        return addLabels;
    }

    @DataBoundSetter
    public void setAddLabels(List<String> addLabels) {
        this.addLabels = addLabels == null ? new ArrayList<>() : new ArrayList<>(addLabels);
    }

    public List<String> getRemoveLabels() {
        return removeLabels;
    }

    @DataBoundSetter
    public void setRemoveLabels(List<String> removeLabels) {
        this.removeLabels = removeLabels == null ? new ArrayList<>() : new ArrayList<>(removeLabels);
    }

    public String getDue() {
        return due;
    }

    @DataBoundSetter
    public void setDue(String due) {
        this.due = Util.fixEmptyAndTrim(due);
    }

    public String getAssignee() {
        return assignee;
    }

    @DataBoundSetter
    public void setAssignee(String assignee) {
        this.assignee = Util.fixEmptyAndTrim(assignee);
    }

    /**
     * A freestyle job's saved configuration may lack the lists: loading sets no initial values. (The lists are
     * {@code ArrayList}s, which XStream writes without reflective access into the JDK, unlike {@code List.of()}.)
     */
    protected Object readResolve() {
        if (addLabels == null) {
            addLabels = new ArrayList<>();
        }
        if (removeLabels == null) {
            removeLabels = new ArrayList<>();
        }
        return this;
    }

    /** Changes what differs and says which fields changed (or would, or that none did). */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        UpdateCardRequest request = new UpdateCardRequest(expand.apply(card), expand.apply(getBoard()), expand.apply(title),
                expand.apply(description), addLabels.stream().map(expand).toList(), removeLabels.stream().map(expand).toList(),
                expand.apply(due), expand.apply(assignee), isDryRun());
        return (connection, run, console) -> {
            UpdateCardResult result = operations(connection, run).updateCard(request);
            Card updated = result.card().card();
            String link = ConsoleLink.to(updated.url(), updated.id());
            String fields = String.join(", ", result.changed());
            if (result.changed().isEmpty()) {
                console.line(Messages.UpdateCardStep_unchanged(link));
            } else if (result.dryRun()) {
                console.line(Messages.UpdateCardStep_wouldUpdate(link, fields));
            } else {
                console.line(Messages.UpdateCardStep_updated(link, fields));
            }
            return result.toMap();
        };
    }

    @Extension
    @Symbol("updateCard")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "updateCard";
        }

        @Override
        public String getDisplayName() {
            return Messages.UpdateCardStep_displayName();
        }

        /** The card only: the new values may be long texts. */
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
