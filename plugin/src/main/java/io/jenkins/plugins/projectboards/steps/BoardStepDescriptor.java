package io.jenkins.plugins.projectboards.steps;

import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.ProjectBoardsConfiguration;
import io.jenkins.plugins.projectboards.client.Texts;
import io.jenkins.plugins.projectboards.internal.ConnectionItems;
import io.jenkins.plugins.projectboards.internal.FormPermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Shared by every Project Boards step: their context, the Snippet Generator's dropdowns and field checks, and the
 * label the Pipeline graph shows for a step.
 */
public abstract class BoardStepDescriptor extends StepDescriptor {
    private static final List<String> LIST_FIELDS =
            List.of("labels", "cards", "events", "columns", "rejectColumns", "results", "addLabels", "removeLabels");
    /** A label names the step's card, column or version at a glance; a longer one is cut. */
    static final int MAX_LABEL_LENGTH = 60;

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

    /**
     * A required field's check in the Snippet Generator and the freestyle form, with the form's permission (the
     * message says what the field takes; the step itself refuses a blank value when it runs).
     */
    protected static FormValidation required(Item item, String value, String message) {
        FormPermissions.checkConfigure(item);
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(message) : FormValidation.ok();
    }

    /**
     * The label of a step in the Pipeline graph ({@link #argumentsToString}): the text arguments named by {@code keys}
     * that are given (on one line), joined by an arrow ({@code card → column}), a list argument by commas, and cut to
     * {@value #MAX_LABEL_LENGTH} characters. {@code null} (no label) when none is given; an argument Pipeline did not
     * keep (e.g. one that held a secret) is not text and is left out.
     */
    protected static String label(Map<String, Object> namedArgs, String... keys) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            Object value = namedArgs.get(key);
            if (value instanceof String text && !text.isBlank()) {
                parts.add(text.strip().replaceAll("\\s+", " "));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
                parts.add(String.join(", ", list.stream().map(String.class::cast).toList()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String label = String.join(" \u2192 ", parts);
        return Texts.cut(label, MAX_LABEL_LENGTH);
    }

    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        return super.newInstance(req, listsFromText(withoutDefaultChoice(formData)));
    }

    /** The list arguments as a form shows them: comma-separated. */
    public String joined(List<String> values) {
        return commaSeparated(values);
    }

    static String commaSeparated(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    /**
     * The list arguments ({@code labels}, {@code cards}, {@code events}, {@code columns}, {@code rejectColumns},
     * {@code results}, {@code addLabels}, {@code removeLabels}) come from the form as comma- or newline-separated
     * text; the steps take lists.
     */
    static JSONObject listsFromText(JSONObject formData) {
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
