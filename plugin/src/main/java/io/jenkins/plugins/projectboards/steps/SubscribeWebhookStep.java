package io.jenkins.plugins.projectboards.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Secrets;
import io.jenkins.plugins.projectboards.client.ValidationException;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.ops.SubscribeWebhookRequest;
import io.jenkins.plugins.projectboards.client.ops.SubscribeWebhookResult;
import io.jenkins.plugins.projectboards.client.webhook.WebhookTarget;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code subscribeWebhook(board: …, events: […])}: registers this Jenkins' endpoint for the connection with the
 * vendor, with the connection's webhook secret; an identical subscription is reused. The registration carries the
 * secret, so it may go nowhere else ({@link WebhookTarget}), and the build must be allowed to use the secret.
 */
public class SubscribeWebhookStep extends BoardStep {
    private List<String> events = new ArrayList<>();
    private String url;

    @DataBoundConstructor
    public SubscribeWebhookStep() {}

    public List<String> getEvents() {
        return events;
    }

    @DataBoundSetter
    public void setEvents(List<String> events) {
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
    }

    /** Where deliveries go: blank, or this Jenkins' endpoint for the connection (nothing else is accepted). */
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

    /** Registers (or reuses) the subscription and says which; the freestyle forms do not offer it. */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        String boardName = expand.apply(getBoard());
        String requestedUrl = expand.apply(url);
        List<String> eventNames = events.stream().map(expand).toList();
        boolean dryRun = isDryRun();
        return (connection, run, console) -> {
            String target = WebhookTarget.target(connection.vendor(), connection.getName(), requestedUrl, connection.getWebhookUrl(),
                    Jenkins.get().getRootUrl());
            SubscribeWebhookResult result = operations(connection, run)
                    .subscribeWebhook(new SubscribeWebhookRequest(boardName, target, eventNames, secretFor(connection, run), dryRun));
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
        };
    }

    /**
     * The connection's webhook secret, as this build may use it: looked up in the build's context (folder
     * credentials, the build's authentication), and required to be the global credential the endpoint checks, so
     * that a job cannot register a secret of its own under the connection's credential id.
     */
    static String secretFor(BoardConnection connection, Run<?, ?> run) {
        String id = connection.getWebhookCredentialsId();
        if (id == null) {
            throw new ValidationException(connection.vendor(), "subscribeWebhook", 0, "webhookCredentialsId",
                    Messages.SubscribeWebhookStep_noSecret(connection.getName()));
        }
        StringCredentials visible = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, List.of());
        if (visible == null) {
            throw new ValidationException(connection.vendor(), "subscribeWebhook", 0, "webhookCredentialsId",
                    Messages.SubscribeWebhookStep_secretNotVisible(connection.getName(), id));
        }
        String secret = visible.getSecret().getPlainText();
        if (!Secrets.constantTimeEquals(connection.webhookSecret(), secret)) {
            throw new ValidationException(connection.vendor(), "subscribeWebhook", 0, "webhookCredentialsId",
                    Messages.SubscribeWebhookStep_secretShadowed(connection.getName(), id));
        }
        return secret;
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

        /** The board whose events are subscribed to. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "board");
        }
    }
}
