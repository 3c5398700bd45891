package io.jenkins.plugins.projectboards.connection;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.kechain.KechainClient;
import io.jenkins.plugins.projectboards.client.kechain.KechainCredentials;
import okhttp3.OkHttpClient;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;

/** A KE-chain instance: secret text = API token, username/password = a KE-chain user. */
public class KechainConnection extends BoardConnection {

    @DataBoundConstructor
    public KechainConnection(String name, String url, String credentialsId) {
        super(name, url, credentialsId);
    }

    @Override
    public Vendor vendor() {
        return Vendor.KECHAIN;
    }

    @Override
    protected BoardClient newClient(StandardCredentials credentials, OkHttpClient http, ClientOptions options) {
        KechainCredentials auth;
        if (credentials instanceof StringCredentials token) {
            auth = KechainCredentials.token(token.getSecret().getPlainText());
        } else if (credentials instanceof StandardUsernamePasswordCredentials user) {
            auth = KechainCredentials.basic(user.getUsername(), user.getPassword().getPlainText());
        } else {
            throw wrongKind(credentials);
        }
        return new KechainClient(getUrl(), auth, http, options);
    }

    @Extension
    @Symbol("kechain")
    public static class DescriptorImpl extends BoardConnectionDescriptor {
        public DescriptorImpl() {
            super(KechainConnection.class);
        }

        @Override
        public String getDisplayName() {
            return Messages.KechainConnection_displayName();
        }

        @Override
        protected BoardConnection connectionForTest(String url, String credentialsId) {
            return new KechainConnection("test", url, credentialsId);
        }
    }
}
