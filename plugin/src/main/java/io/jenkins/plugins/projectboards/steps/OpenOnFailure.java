package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.failure.FailureCards;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code notifyBoard(openOnFailure: [board: …, column: …, labels: […], results: ['FAILURE', 'UNSTABLE']])}: a card
 * for the job while it is broken ({@link FailureCards}). Saved with freestyle jobs inside their
 * {@link NotifyBoardStep}: keep its package and field names.
 */
public class OpenOnFailure extends AbstractDescribableImpl<OpenOnFailure> {
    private String board;
    private String column;
    private List<String> labels = new ArrayList<>();
    private List<String> results = new ArrayList<>(FailureCards.DEFAULT_RESULTS);

    @DataBoundConstructor
    public OpenOnFailure() {}

    /** The board of the card; blank means the step's board, else the connection's default board. */
    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    /** The column a new card goes to; blank means the board's first column. */
    public String getColumn() {
        return column;
    }

    @DataBoundSetter
    public void setColumn(String column) {
        this.column = Util.fixEmptyAndTrim(column);
    }

    public List<String> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
    }

    /** The build results that count as broken: {@code FAILURE}, optionally {@code UNSTABLE}. */
    public List<String> getResults() {
        return results;
    }

    /** @throws IllegalArgumentException for a result other than those two, naming the argument */
    @DataBoundSetter
    public void setResults(List<String> results) {
        try {
            this.results = new ArrayList<>(new FailureCards(results).brokenResults());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("openOnFailure results: " + e.getMessage(), e);
        }
    }

    /** A saved job may lack the lists: loading sets no initial values. */
    protected Object readResolve() {
        if (labels == null) {
            labels = new ArrayList<>();
        }
        if (results == null) {
            results = new ArrayList<>(FailureCards.DEFAULT_RESULTS);
        }
        return this;
    }

    /** This object with {@code expand} applied to its texts (a freestyle job's build variables). */
    OpenOnFailure expanded(UnaryOperator<String> expand) {
        OpenOnFailure copy = new OpenOnFailure();
        copy.setBoard(expand.apply(board));
        copy.setColumn(expand.apply(column));
        copy.setLabels(labels.stream().map(expand).toList());
        copy.setResults(results);
        return copy;
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<OpenOnFailure> {
        @Override
        public String getDisplayName() {
            return Messages.OpenOnFailure_displayName();
        }

        /** The lists come from the form as comma-separated text, as the steps' own lists do. */
        @Override
        public OpenOnFailure newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, BoardStepDescriptor.listsFromText(formData));
        }

        public String joined(List<String> values) {
            return BoardStepDescriptor.commaSeparated(values);
        }
    }
}
