package io.jenkins.plugins.projectboards.freestyle;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.steps.BoardStep;
import io.jenkins.plugins.projectboards.steps.BoardStepDescriptor;
import io.jenkins.plugins.projectboards.steps.ConnectionItems;
import io.jenkins.plugins.projectboards.steps.FormPermissions;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The form of a freestyle board step: the matching Pipeline step's {@code config.jelly} and help files (one text for
 * both), and the same dropdowns.
 */
public abstract class BoardBuilderDescriptor extends BuildStepDescriptor<Builder> {

    /**
     * @param step the Pipeline step whose help this build step shows
     * @param fields the step's own fields; the shared ones (connection, failOnError, dryRun) are added here
     */
    protected BoardBuilderDescriptor(Class<? extends BoardBuilder> clazz, Class<? extends BoardStep> step, String... fields) {
        super(clazz);
        redirectHelp(this::addHelpFileRedirect, step, fields);
    }

    /** What {@code addHelpFileRedirect} does, so that a descriptor of another kind can share {@link #redirectHelp}. */
    @FunctionalInterface
    interface HelpRedirect {
        void redirect(String field, Class<? extends BoardStep> owner, String ownerField);
    }

    /** Every field's help, and the page's, from the Pipeline step's help files: one text for both. */
    static void redirectHelp(HelpRedirect redirect, Class<? extends BoardStep> step, String... fields) {
        redirect.redirect(null, step, null);
        for (String field : fields) {
            redirect.redirect(field, step, field);
        }
        for (String field : new String[] {"connection", "failOnError", "dryRun"}) {
            redirect.redirect(field, step, field);
        }
    }

    @Override
    public Builder newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        return super.newInstance(req, BoardStepDescriptor.withoutDefaultChoice(formData));
    }

    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    @POST
    public ListBoxModel doFillConnectionItems(@AncestorInPath Item item) {
        FormPermissions.checkConfigure(item);
        return ConnectionItems.of(ProjectBoardsConfiguration.get());
    }

    @POST
    public ListBoxModel doFillFailOnErrorItems(@AncestorInPath Item item) {
        FormPermissions.checkConfigure(item);
        return BoardStepDescriptor.failOnErrorItems();
    }
}
