package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.release.BuildNotification;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import io.jenkins.plugins.projectboards.steps.NotifyBoardStep;
import io.jenkins.plugins.projectboards.tracking.CardTracking;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle "Project Boards: notify the build's cards": the build's own cards and those its commits name. */
public class NotifyBoardPublisher extends BoardPublisher {
    private String board;
    private String moveOnSuccess;
    private String moveOnUnstable;
    private String moveOnFailure;
    private String moveOnAborted;
    private boolean comment = true;

    @DataBoundConstructor
    public NotifyBoardPublisher() {}

    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
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

    @Override
    protected BoardActionRunner.Action action(EnvVars env) {
        CardTracking.NotifyRequest request = new CardTracking.NotifyRequest(List.of(), env.expand(board),
                new BuildNotification(moveOnSuccess, moveOnUnstable, moveOnFailure, moveOnAborted, comment), isDryRun(),
                Boolean.TRUE.equals(getFailOnError()));
        return (connection, run, console) -> CardTracking.notify(connection, run, console, request);
    }

    @Extension
    @Symbol("notifyBoardPublisher")
    public static class DescriptorImpl extends BoardPublisherDescriptor {
        public DescriptorImpl() {
            super(NotifyBoardPublisher.class, NotifyBoardStep.class, "board", "moveOnSuccess", "moveOnUnstable", "moveOnFailure",
                    "moveOnAborted", "comment");
        }

        @Override
        public String getDisplayName() {
            return Messages.NotifyBoardPublisher_displayName();
        }
    }
}
