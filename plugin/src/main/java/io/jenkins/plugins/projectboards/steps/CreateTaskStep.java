package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskRequest;
import io.jenkins.plugins.projectboards.client.ops.CreateTaskResult;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import io.jenkins.plugins.projectboards.tracking.LinkedCard;
import io.jenkins.plugins.projectboards.tracking.LinkedCardsAction;
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

/** {@code createTask(title: …, board: …, column: …)}: opens a card and returns its id and URL. */
public class CreateTaskStep extends BoardStep {
    private final String title;
    private String column;
    private String description;
    private List<String> labels = new ArrayList<>();
    private String due;
    private String assignee;
    private String reference;

    @DataBoundConstructor
    public CreateTaskStep(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public String getColumn() {
        return column;
    }

    @DataBoundSetter
    public void setColumn(String column) {
        this.column = Util.fixEmptyAndTrim(column);
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmpty(description);
    }

    public List<String> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
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

    public String getReference() {
        return reference;
    }

    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = Util.fixEmptyAndTrim(reference);
    }

    /**
     * A freestyle job's saved configuration may lack the list: loading sets no initial values. (The list is an
     * {@code ArrayList}, which XStream writes without reflective access into the JDK, unlike {@code List.of()}.)
     */
    protected Object readResolve() {
        if (labels == null) {
            labels = new ArrayList<>();
        }
        return this;
    }

    /** Creates the card (or finds it by reference), says so with the card as a link, and records it on the build. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        CreateTaskRequest request = new CreateTaskRequest(expand.apply(getBoard()), expand.apply(column), expand.apply(title),
                expand.apply(description), labels.stream().map(expand).toList(), expand.apply(due), expand.apply(assignee),
                expand.apply(reference), isDryRun());
        return (connection, run, console) -> {
            CreateTaskResult result = operations(connection, run).createTask(request);
            Card card = result.card();
            String vendor = card.vendor().displayName();
            String boardName = card.board().name();
            String columnName = card.column().name();
            if (result.dryRun()) {
                console.line(result.created()
                        ? Messages.CreateTaskStep_wouldCreate(card.title(), vendor, boardName, columnName)
                        : Messages.CreateTaskStep_wouldReuse(card.title(), card.reference()));
            } else if (result.created()) {
                console.line(Messages.CreateTaskStep_created(ConsoleLink.to(card.url(), card.title()), vendor, boardName, columnName));
                LinkedCardsAction.record(run, LinkedCard.of(connection.getName(), card, LinkedCard.What.CREATED,
                        Messages.CreateTaskStep_where(vendor, boardName, columnName)));
            } else {
                console.line(Messages.CreateTaskStep_reused(ConsoleLink.to(card.url(), card.title()), card.reference()));
            }
            return result.toMap();
        };
    }

    @Extension
    @Symbol("createTask")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "createTask";
        }

        @Override
        public String getDisplayName() {
            return Messages.CreateTaskStep_displayName();
        }

        /** The card's title. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "title");
        }

        @POST
        public FormValidation doCheckTitle(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.CreateTaskStep_titleRequired());
        }
    }
}
