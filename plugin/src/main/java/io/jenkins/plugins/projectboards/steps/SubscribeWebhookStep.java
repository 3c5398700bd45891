package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.ops.SubscribeWebhookRequest;
import io.jenkins.plugins.projectboards.client.ops.SubscribeWebhookResult;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code subscribeWebhook(board: …, events: […])}: registers this Jenkins (or {@code url}) with the vendor, with the
 * connection's webhook secret; an identical subscription is reused.
 */
public class SubscribeWebhookStep extends BoardStep {
    /** The path under the Jenkins URL where board webhooks are delivered, one sub-path per connection. */
    public static final String ENDPOINT = "project-boards-webhook";

    private String board;
    private List<String> events = new ArrayList<>();
    private String url;

    @DataBoundConstructor
    public SubscribeWebhookStep() {}

    public String getBoard() {
        return board;
    }

    @DataBoundSetter
    public void setBoard(String board) {
        this.board = Util.fixEmptyAndTrim(board);
    }

    public List<String> getEvents() {
        return events;
    }

    @DataBoundSetter
    public void setEvents(List<String> events) {
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
    }

    /** Where deliveries go; blank for this Jenkins' endpoint for the connection. */
    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    /**
     * A freestyle job's saved configuration may lack the list: loading sets no initial values. (The list is an
     * {@code ArrayList}, which XStream writes without reflective access into the JDK, unlike {@code List.of()}.)
     */
    protected Object readResolve() {
        if (events == null) {
            events = new ArrayList<>();
        }
        return this;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new BoardStepExecution(context, this, (connection, run, console) -> {
            String target = url != null ? url : defaultUrl(connection);
            SubscribeWebhookResult result = BoardActions.operations(connection, run)
                    .subscribeWebhook(new SubscribeWebhookRequest(board, target, events, connection.webhookSecret(), isDryRun()));
            WebhookSubscription subscription = result.subscription();
            String what = Messages.SubscribeWebhookStep_what(result.vendor().displayName(), subscription.url(),
                    subscription.events().isEmpty() ? Messages.SubscribeWebhookStep_defaultEvents() : String.join(", ", subscription.events()));
            if (result.dryRun()) {
                console.line(subscription.created() ? Messages.SubscribeWebhookStep_wouldSubscribe(what)
                        : Messages.SubscribeWebhookStep_wouldReuse(subscription.id(), what));
            } else {
                console.line(subscription.created() ? Messages.SubscribeWebhookStep_subscribed(subscription.id(), what)
                        : Messages.SubscribeWebhookStep_reused(subscription.id(), what));
            }
            return result.toMap();
        });
    }

    /** {@code <Jenkins URL>/project-boards-webhook/<connection>}; needs the Jenkins URL to be configured. */
    static String defaultUrl(BoardConnection connection) {
        String root = Jenkins.get().getRootUrl();
        if (root == null) {
            throw new ValidationException(connection.vendor(), "subscribeWebhook", 0, "url", Messages.SubscribeWebhookStep_noRootUrl());
        }
        return root + ENDPOINT + "/" + Util.rawEncode(connection.getName());
    }

    @Extension
    @Symbol("subscribeWebhook")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "subscribeWebhook";
        }

        @Override
        public String getDisplayName() {
            return Messages.SubscribeWebhookStep_displayName();
        }
    }
}
