package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ops.WaitForCardRequest;
import io.jenkins.plugins.projectboards.internal.FormPermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code waitForCard(card: …, column: 'Approved')}: an approval gate. The Pipeline pauses until the card is in an
 * approving column (or a rejecting one, which fails the step), woken by the board's webhook deliveries and a slow
 * poll; the wait survives a restart.
 *
 * <p>Like {@code runKechainService} it is a {@link ConnectionStep} with a durable execution of its own
 * ({@link WaitForCardExecution}) rather than a {@link BoardStep}: a wait of hours belongs on no thread, and it is
 * not offered to freestyle jobs, whose build would hold its executor all that time.
 */
public class WaitForCardStep extends ConnectionStep {
    /** A day: approvals wait for people. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 24 * 60;

    private final String card;
    private String board;
    private String column;
    private List<String> columns = new ArrayList<>();
    private List<String> rejectColumns = new ArrayList<>();
    private String label;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private String comment;

    @DataBoundConstructor
    public WaitForCardStep(String card) {
        this.card = Util.fixEmptyAndTrim(card);
    }

    public String getCard() {
        return card;
    }

    /** The board by name or id; needed only to find a card by reference (blank: the connection's default board). */
    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    /** One approving column; {@link #getColumns()} for several. */
    public String getColumn() {
        return column;
    }

    @DataBoundSetter
    public void setColumn(String column) {
        this.column = Util.fixEmptyAndTrim(column);
    }

    public List<String> getColumns() {
        return columns;
    }

    @DataBoundSetter
    public void setColumns(List<String> columns) {
        this.columns = columns == null ? new ArrayList<>() : new ArrayList<>(columns);
    }

    public List<String> getRejectColumns() {
        return rejectColumns;
    }

    @DataBoundSetter
    public void setRejectColumns(List<String> rejectColumns) {
        this.rejectColumns = rejectColumns == null ? new ArrayList<>() : new ArrayList<>(rejectColumns);
    }

    public String getLabel() {
        return label;
    }

    @DataBoundSetter
    public void setLabel(String label) {
        this.label = Util.fixEmptyAndTrim(label);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** Validated when the step runs, so that a bad value fails (or not) like every other argument. */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    /** Posted on the card once, when the gate starts (e.g. what to do to approve). */
    public String getComment() {
        return comment;
    }

    @DataBoundSetter
    public void setComment(String comment) {
        this.comment = Util.fixEmptyAndTrim(comment);
    }

    /** The library's request: {@code column} and {@code columns} together. */
    WaitForCardRequest request(String cardText) {
        List<String> approving = new ArrayList<>();
        if (column != null) {
            approving.add(column);
        }
        approving.addAll(columns);
        return new WaitForCardRequest(cardText, board, approving, rejectColumns, label, timeoutMinutes, isDryRun());
    }

    @Override
    public StepExecution start(StepContext context) {
        return new WaitForCardExecution(context, this);
    }

    @Extension
    @Symbol("waitForCard")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "waitForCard";
        }

        @Override
        public String getDisplayName() {
            return Messages.WaitForCardStep_displayName();
        }

        /** The card and what approves it. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "card", "column", "columns", "label");
        }

        @POST
        public FormValidation doCheckCard(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.WaitForCardStep_cardRequired());
        }

        /** As the step refuses it when it runs: a wait of less than a minute. */
        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            FormPermissions.checkConfigure(item);
            return FormValidation.validatePositiveInteger(value);
        }
    }
}
