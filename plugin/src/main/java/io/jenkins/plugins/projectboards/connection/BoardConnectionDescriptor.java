package io.jenkins.plugins.projectboards.connection;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.projectboards.client.BoardException;
import io.jenkins.plugins.projectboards.client.ConnectionSettings;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form of every connection kind: credentials dropdown and checks, URL and name checks, Test Connection. All of
 * them live in the global configuration, so each is {@code @POST} and requires Overall/Administer (the Credentials
 * plugin consumer guide's pattern for a global context).
 *
 * <p>Scopes: the API credentials are looked up by builds (in their job's context), so only Global ones are offered;
 * the webhook secret is only ever read by Jenkins itself ({@link BoardConnection#webhookSecret()}), so Global and
 * System ones are, System being the one to prefer (builds cannot read it).
 */
public abstract class BoardConnectionDescriptor extends Descriptor<BoardConnection> {
    protected BoardConnectionDescriptor(Class<? extends BoardConnection> clazz) {
        super(clazz);
    }

    /** A connection of this kind built from the form's current values, for Test Connection. */
    protected abstract BoardConnection connectionForTest(String url, String credentialsId);

    /** Which credential kinds this vendor accepts; secret text or username/password unless overridden. */
    protected CredentialsMatcher credentialsMatcher() {
        return CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(StringCredentials.class),
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String url, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            // Without the right to see credentials, only the value already saved is shown, never the others.
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                        URIRequirementBuilder.fromUri(url).build(), CredentialsMatchers.allOf(credentialsMatcher(), BoardConnection.FOR_BUILDS))
                .includeCurrentValue(credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String url, @QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        Optional<ConnectionSettings.Problem> problem = ConnectionSettings.checkCredentialsId(value);
        if (problem.isPresent()) {
            return error(problem.get());
        }
        StandardCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                        URIRequirementBuilder.fromUri(url).build()),
                CredentialsMatchers.allOf(CredentialsMatchers.withId(value), credentialsMatcher()));
        if (found == null) {
            return FormValidation.error(Messages.BoardConnection_credentialsUnusable(getDisplayName()));
        }
        return BoardConnection.FOR_BUILDS.matches(found)
                ? FormValidation.ok()
                : FormValidation.error(Messages.BoardConnection_credentialsSystemScope());
    }

    /** Webhook secrets are secret text only: they are compared with what a delivery carries. */
    @POST
    public ListBoxModel doFillWebhookCredentialsIdItems(@QueryParameter String webhookCredentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(webhookCredentialsId);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class)
                .includeCurrentValue(webhookCredentialsId);
    }

    @POST
    public FormValidation doCheckWebhookCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        boolean found = !CredentialsProvider.listCredentialsInItemGroup(StringCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                        List.of(), CredentialsMatchers.withId(value))
                .isEmpty();
        return found ? FormValidation.ok() : FormValidation.error(Messages.BoardConnection_webhookSecretUnusable());
    }

    @POST
    public FormValidation doCheckReferencePatterns(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        for (String line : Util.fixNull(value).split("\\R")) {
            if (!line.isBlank()) {
                try {
                    BoardConnection.referencePattern(line.strip(), getDisplayName());
                } catch (IllegalArgumentException e) {
                    return FormValidation.error(e.getMessage());
                }
            }
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckUrl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return checkUrl(value);
    }

    /** The rules of {@link ConnectionSettings}, as the constructor applies them, plus a warning for plain http. */
    static FormValidation checkUrl(String value) {
        Optional<ConnectionSettings.Problem> problem = ConnectionSettings.checkUrl(value);
        if (problem.isPresent()) {
            return error(problem.get());
        }
        return ConnectionSettings.isPlainHttpToAnotherHost(value)
                ? FormValidation.warning(Messages.BoardConnection_urlNotHttps())
                : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConnectionSettings.checkName(value).map(BoardConnectionDescriptor::error).orElse(FormValidation.ok());
    }

    /** The same words as the constructor's refusal ({@link BoardConnection#text}), without the connection's name. */
    private static FormValidation error(ConnectionSettings.Problem problem) {
        return FormValidation.error(BoardConnection.text(problem));
    }

    /** Calls the vendor's cheapest authenticated endpoint and shows who and what answered. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String url, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        FormValidation urlCheck = checkUrl(url);
        if (urlCheck.kind == FormValidation.Kind.ERROR) {
            return urlCheck;
        }
        try {
            return FormValidation.ok(Messages.BoardConnection_connected(connectionForTest(url, credentialsId).client().whoAmI()));
        } catch (BoardException | IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
