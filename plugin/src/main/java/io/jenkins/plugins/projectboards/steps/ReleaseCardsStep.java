package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.tracking.CardTracking;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code releaseCards(version: '1.4.0', moveTo: 'Released')}: every card named by the commits since the last
 * successful build gets a "released in" comment and moves to {@code moveTo}. Cards that fail are retried by the next
 * build; no card is commented twice for one version; builds of one job release one at a time per connection. The
 * result lists the cards {@code updated}, {@code failed} and {@code skipped} (already released in this version).
 */
public class ReleaseCardsStep extends BoardStep {
    private final String version;
    private String moveTo;
    private boolean comment = true;

    @DataBoundConstructor
    public ReleaseCardsStep(String version) {
        this.version = version;
    }

    public String getVersion() {
        return version;
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
    public StepWork work(UnaryOperator<String> expand) {
        CardTracking.ReleaseRequest request = new CardTracking.ReleaseRequest(expand.apply(version), expand.apply(getBoard()),
                expand.apply(moveTo), comment, isDryRun(), Boolean.TRUE.equals(getFailOnError()));
        return (connection, run, console) -> CardTracking.release(connection, run, console, request);
    }

    @Extension
    @Symbol("releaseCards")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseCards";
        }

        @Override
        public String getDisplayName() {
            return Messages.ReleaseCardsStep_displayName();
        }

        /** The version released. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "version");
        }

        @POST
        public FormValidation doCheckVersion(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.ReleaseCardsStep_versionRequired());
        }
    }
}
