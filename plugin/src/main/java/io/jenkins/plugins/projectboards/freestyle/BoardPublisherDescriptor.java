package io.jenkins.plugins.projectboards.freestyle;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Publisher;
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

/** The form of a freestyle board post-build action: the matching Pipeline step's form and help. */
public abstract class BoardPublisherDescriptor extends BuildStepDescriptor<Publisher> {

    protected BoardPublisherDescriptor(Class<? extends BoardPublisher> clazz, Class<? extends BoardStep> step, String... fields) {
        super(clazz);
        BoardBuilderDescriptor.redirectHelp(this::addHelpFileRedirect, step, fields);
    }

    @Override
    public Publisher newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
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
