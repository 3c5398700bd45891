package io.jenkins.plugins.projectboards.connection;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardClient;
import io.jenkins.plugins.projectboards.client.kanboard.KanboardCredentials;
import okhttp3.OkHttpClient;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** A Kanboard server: secret text = application API token, username/password = a Kanboard user. */
public class KanboardConnection extends BoardConnection {
    private String commentUser;

    @DataBoundConstructor
    public KanboardConnection(String name, String url, String credentialsId) {
        super(name, url, credentialsId);
    }

    /** With the application token, the Kanboard user comments are written as. */
    public String getCommentUser() {
        return commentUser;
    }

    @DataBoundSetter
    public void setCommentUser(String commentUser) {
        this.commentUser = Util.fixEmptyAndTrim(commentUser);
    }

    @Override
    public Vendor vendor() {
        return Vendor.KANBOARD;
    }

    @Override
    protected BoardClient newClient(StandardCredentials credentials, OkHttpClient http, ClientOptions options) {
        KanboardCredentials auth;
        if (credentials instanceof StringCredentials token) {
            auth = KanboardCredentials.applicationToken(token.getSecret().getPlainText(), commentUser);
        } else if (credentials instanceof StandardUsernamePasswordCredentials user) {
            auth = KanboardCredentials.user(user.getUsername(), user.getPassword().getPlainText());
        } else {
            throw wrongKind(credentials);
        }
        return new KanboardClient(getUrl(), auth, http, options);
    }

    @Extension
    @Symbol("kanboard")
    public static class DescriptorImpl extends BoardConnectionDescriptor {
        public DescriptorImpl() {
            super(KanboardConnection.class);
        }

        @Override
        public String getDisplayName() {
            return Messages.KanboardConnection_displayName();
        }

        @Override
        protected BoardConnection connectionForTest(String url, String credentialsId) {
            return new KanboardConnection("test", url, credentialsId);
        }
    }
}
