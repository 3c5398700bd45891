package io.jenkins.plugins.projectboards.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.steps.BoardActionRunner;
import io.jenkins.plugins.projectboards.steps.ReleaseCardsStep;
import io.jenkins.plugins.projectboards.tracking.CardTracking;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Freestyle "Project Boards: release the cards named in the changes"; {@code version} may use build variables. */
public class ReleaseCardsPublisher extends BoardPublisher {
    private final String version;
    private String board;
    private String moveTo;
    private boolean comment = true;

    @DataBoundConstructor
    public ReleaseCardsPublisher(String version) {
        this.version = version;
    }

    public String getVersion() {
        return version;
    }

    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    public String getMoveTo() {
        return moveTo;
    }

    @DataBoundSetter
    public void setMoveTo(String moveTo) {
        this.moveTo = Util.fixEmptyAndTrim(moveTo);
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
        CardTracking.ReleaseRequest request = new CardTracking.ReleaseRequest(env.expand(version), env.expand(board),
                env.expand(moveTo), comment, isDryRun(), Boolean.TRUE.equals(getFailOnError()));
        return (connection, run, console) -> CardTracking.release(connection, run, console, request);
    }

    @Extension
    @Symbol("releaseCardsPublisher")
    public static class DescriptorImpl extends BoardPublisherDescriptor {
        public DescriptorImpl() {
            super(ReleaseCardsPublisher.class, ReleaseCardsStep.class, "version", "board", "moveTo", "comment");
        }

        @Override
        public String getDisplayName() {
            return Messages.ReleaseCardsPublisher_displayName();
        }
    }
}
