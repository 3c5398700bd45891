package io.jenkins.plugins.projectboards.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.internal.ConnectionItems;
import io.jenkins.plugins.projectboards.internal.FormPermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/** Shared by every Project Boards step: their context and the Snippet Generator's dropdowns. */
public abstract class BoardStepDescriptor extends StepDescriptor {
    private static final List<String> LIST_FIELDS = List.of("labels", "cards", "events");

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    @POST
    public ListBoxModel doFillConnectionItems(@AncestorInPath Item item) {
        FormPermissions.checkConfigure(item);
        return ConnectionItems.of(ProjectBoardsConfiguration.get());
    }

    /** Three choices, because "not given" (the global default) differs from an explicit {@code false}. */
    @POST
    public ListBoxModel doFillFailOnErrorItems(@AncestorInPath Item item) {
        FormPermissions.checkConfigure(item);
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.BoardStepDescriptor_failOnErrorDefault(), "");
        items.add(Messages.BoardStepDescriptor_failOnErrorTrue(), "true");
        items.add(Messages.BoardStepDescriptor_failOnErrorFalse(), "false");
        return items;
    }

    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        return super.newInstance(req, listsFromText(withoutDefaultChoice(formData)));
    }

    /** The list arguments as a form shows them: comma-separated. */
    public String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    /**
     * The list arguments ({@code labels}, {@code cards}, {@code events}) come from the form as comma- or
     * newline-separated text; the steps take lists.
     */
    private static JSONObject listsFromText(JSONObject formData) {
        JSONObject copy = null;
        for (String field : LIST_FIELDS) {
            if (formData.opt(field) instanceof String text) {
                copy = copy == null ? JSONObject.fromObject(formData) : copy;
                JSONArray values = new JSONArray();
                Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(value -> !value.isEmpty()).forEach(values::add);
                copy.put(field, values);
            }
        }
        return copy == null ? formData : copy;
    }

    /**
     * The form's "as configured globally" choice sends {@code failOnError: ""}, which Stapler would bind as
     * {@code false}; leaving the field out keeps it {@code null}, i.e. the global setting.
     */
    private static JSONObject withoutDefaultChoice(JSONObject formData) {
        if (!"".equals(formData.optString("failOnError", null))) {
            return formData;
        }
        JSONObject copy = JSONObject.fromObject(formData);
        copy.remove("failOnError");
        return copy;
    }
}
