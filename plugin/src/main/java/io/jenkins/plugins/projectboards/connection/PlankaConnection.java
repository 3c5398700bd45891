package io.jenkins.plugins.projectboards.connection;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.planka.PlankaClient;
import io.jenkins.plugins.projectboards.client.planka.PlankaCredentials;
import okhttp3.OkHttpClient;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;

/** A Planka server: secret text = API key, username/password = e-mail or user name and password. */
public class PlankaConnection extends BoardConnection {

    @DataBoundConstructor
    public PlankaConnection(String name, String url, String credentialsId) {
        super(name, url, credentialsId);
    }

    @Override
    public Vendor vendor() {
        return Vendor.PLANKA;
    }

    @Override
    protected BoardClient newClient(StandardCredentials credentials, OkHttpClient http, ClientOptions options) {
        PlankaCredentials auth;
        if (credentials instanceof StringCredentials key) {
            auth = PlankaCredentials.apiKey(key.getSecret().getPlainText());
        } else if (credentials instanceof StandardUsernamePasswordCredentials user) {
            auth = PlankaCredentials.password(user.getUsername(), user.getPassword().getPlainText());
        } else {
            throw wrongKind(credentials);
        }
        return new PlankaClient(getUrl(), auth, http, options);
    }

    @Extension
    @Symbol("planka")
    public static class DescriptorImpl extends BoardConnectionDescriptor {
        public DescriptorImpl() {
            super(PlankaConnection.class);
        }

        @Override
        public String getDisplayName() {
            return Messages.PlankaConnection_displayName();
        }

        @Override
        protected BoardConnection connectionForTest(String url, String credentialsId) {
            return new PlankaConnection("test", url, credentialsId);
        }
    }
}
