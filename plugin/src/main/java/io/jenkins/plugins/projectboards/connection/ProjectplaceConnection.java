package io.jenkins.plugins.projectboards.connection;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceClient;
import io.jenkins.plugins.projectboards.client.projectplace.ProjectplaceCredentials;
import okhttp3.OkHttpClient;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Projectplace with a robot account: username/password = OAuth2 client id and client secret. */
public class ProjectplaceConnection extends BoardConnection {

    @DataBoundConstructor
    public ProjectplaceConnection(String name, String url, String credentialsId) {
        super(name, url, credentialsId);
    }

    @Override
    public Vendor vendor() {
        return Vendor.PROJECTPLACE;
    }

    @Override
    protected BoardClient newClient(StandardCredentials credentials, OkHttpClient http, ClientOptions options) {
        if (!(credentials instanceof StandardUsernamePasswordCredentials robot)) {
            throw wrongKind(credentials);
        }
        return new ProjectplaceClient(getUrl(), new ProjectplaceCredentials(robot.getUsername(), robot.getPassword().getPlainText()),
                http, options);
    }

    @Extension
    @Symbol("projectplace")
    public static class DescriptorImpl extends BoardConnectionDescriptor {
        public DescriptorImpl() {
            super(ProjectplaceConnection.class);
        }

        @Override
        public String getDisplayName() {
            return Messages.ProjectplaceConnection_displayName();
        }

        @Override
        protected CredentialsMatcher credentialsMatcher() {
            return CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class);
        }

        @Override
        protected BoardConnection connectionForTest(String url, String credentialsId) {
            return new ProjectplaceConnection("test", url, credentialsId);
        }
    }
}
