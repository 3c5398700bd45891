package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.release.BuildNotification;
import io.jenkins.plugins.projectboards.tracking.CardTracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code notifyBoard(moveOnSuccess: …, moveOnFailure: …)}: comments the build's result on its cards and moves them
 * by result. Meant for {@code post { always { … } }}, where the result is final. Best effort: a card that cannot be
 * updated is reported, and fails the build only with {@code failOnError: true}. With {@code openOnFailure} it also
 * keeps a card for the job while it is broken ({@link OpenOnFailure}), which {@code moveOnSuccess} moves when fixed.
 */
public class NotifyBoardStep extends BoardStep {
    private List<String> cards = new ArrayList<>();
    private String moveOnSuccess;
    private String moveOnUnstable;
    private String moveOnFailure;
    private String moveOnAborted;
    private boolean comment = true;
    private OpenOnFailure openOnFailure;

    @DataBoundConstructor
    public NotifyBoardStep() {}

    /** The cards to notify; empty for the cards the build touched and those its commits name. */
    public List<String> getCards() {
        return cards;
    }

    @DataBoundSetter
    public void setCards(List<String> cards) {
        this.cards = cards == null ? new ArrayList<>() : new ArrayList<>(cards);
    }

    public String getMoveOnSuccess() {
        return moveOnSuccess;
    }

    @DataBoundSetter
    public void setMoveOnSuccess(String moveOnSuccess) {
        this.moveOnSuccess = Util.fixEmptyAndTrim(moveOnSuccess);
    }

    public String getMoveOnUnstable() {
        return moveOnUnstable;
    }

    @DataBoundSetter
    public void setMoveOnUnstable(String moveOnUnstable) {
        this.moveOnUnstable = Util.fixEmptyAndTrim(moveOnUnstable);
    }

    public String getMoveOnFailure() {
        return moveOnFailure;
    }

    @DataBoundSetter
    public void setMoveOnFailure(String moveOnFailure) {
        this.moveOnFailure = Util.fixEmptyAndTrim(moveOnFailure);
    }

    public String getMoveOnAborted() {
        return moveOnAborted;
    }

    @DataBoundSetter
    public void setMoveOnAborted(String moveOnAborted) {
        this.moveOnAborted = Util.fixEmptyAndTrim(moveOnAborted);
    }

    public boolean isComment() {
        return comment;
    }

    @DataBoundSetter
    public void setComment(boolean comment) {
        this.comment = comment;
    }

    /** The job's failure card, or {@code null} for none. */
    public OpenOnFailure getOpenOnFailure() {
        return openOnFailure;
    }

    @DataBoundSetter
    public void setOpenOnFailure(OpenOnFailure openOnFailure) {
        this.openOnFailure = openOnFailure;
    }

    /**
     * A freestyle job's saved configuration may lack the list: loading sets no initial values. (The list is an
     * {@code ArrayList}, which XStream writes without reflective access into the JDK, unlike {@code List.of()}.)
     */
    protected Object readResolve() {
        if (cards == null) {
            cards = new ArrayList<>();
        }
        return this;
    }

    /** Best effort: only an explicit {@code failOnError: true} makes failed cards fail the build. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        CardTracking.NotifyRequest request = new CardTracking.NotifyRequest(cards.stream().map(expand).toList(), expand.apply(getBoard()),
                new BuildNotification(expand.apply(moveOnSuccess), expand.apply(moveOnUnstable), expand.apply(moveOnFailure),
                        expand.apply(moveOnAborted), comment),
                failureCard(expand), isDryRun(), Boolean.TRUE.equals(getFailOnError()));
        return (connection, run, console) -> CardTracking.notifyCards(connection, run, console, request);
    }

    /** The failure card's settings with the build's variables expanded; its board defaults to the step's. */
    private CardTracking.FailureCardSettings failureCard(UnaryOperator<String> expand) {
        if (openOnFailure == null) {
            return null;
        }
        OpenOnFailure expanded = openOnFailure.expanded(expand);
        String board = expanded.getBoard() != null ? expanded.getBoard() : expand.apply(getBoard());
        return new CardTracking.FailureCardSettings(board, expanded.getColumn(), expanded.getLabels(), expanded.getResults(),
                expand.apply(moveOnSuccess));
    }

    @Extension
    @Symbol("notifyBoard")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "notifyBoard";
        }

        @Override
        public String getDisplayName() {
            return Messages.NotifyBoardStep_displayName();
        }

        /** The cards when the step names them; none for the build's own cards. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "cards");
        }
    }
}
