package io.jenkins.plugins.projectboards.connection;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import io.jenkins.plugins.projectboards.client.BoardClient;
import io.jenkins.plugins.projectboards.client.ClientOptions;
import io.jenkins.plugins.projectboards.client.ConnectionSettings;
import io.jenkins.plugins.projectboards.client.ReferenceScanner;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.HttpEventLog;
import io.jenkins.plugins.projectboards.client.http.HttpEvents;
import io.jenkins.plugins.projectboards.client.http.HttpListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import okhttp3.OkHttpClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One configured board: vendor, URL, credentials and timeouts. Subclasses ({@code kanboard}, {@code planka},
 * {@code projectplace}, {@code kechain}) add their vendor's options and build its client.
 *
 * <p>A connection keeps one {@link OkHttpClient} (Jenkins' proxy settings, rebuilt when they change) and one
 * {@link BoardClient} per credential secret, so name lookups stay cached across steps and builds; only the few used
 * last are kept, so secrets that changed (or differ between folders) do not pile up. Saving the global configuration
 * creates new connection objects, which is what rebuilds both when the configuration changes.
 */
public abstract class BoardConnection extends AbstractDescribableImpl<BoardConnection> {
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;
    /** The largest file {@code attachFile} sends unless the connection says otherwise. */
    public static final int DEFAULT_MAX_ATTACHMENT_MIB = 10;
    /**
     * The API credentials a build can use: a build looks credentials up in its job's context, where those of System
     * scope (for Jenkins itself) are not found, so they are neither offered nor used.
     */
    static final CredentialsMatcher FOR_BUILDS = CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));

    /**
     * The clients a connection keeps: one per credential secret in use at once (the same credential id may hold a
     * different secret in each folder), the least recently used dropped first.
     */
    static final int MAX_CLIENTS = 8;

    /** Every connection derives from this one client, so all share one connection pool and dispatcher. */
    private static final OkHttpClient BASE_CLIENT = new OkHttpClient();

    private final String name;
    /** Not final: a URL saved with user info before the rules held loses it on load ({@link #readResolve()}). */
    private String url;
    private final String credentialsId;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;
    private int maxAttachmentMiB = DEFAULT_MAX_ATTACHMENT_MIB;
    private String defaultBoard;
    private String webhookCredentialsId;
    private String webhookUrl;
    private String referencePatterns;

    private transient volatile OkHttpClient http;
    private transient volatile ProxyConfiguration proxyOfHttp;
    private transient volatile Map<String, BoardClient> clients;
    /** Set when {@link #readResolve()} removed user info from a saved URL, so that the configuration is saved again. */
    private transient boolean userInfoRemoved;

    /**
     * The form, JCasC and Groovy all construct connections through here, so all refuse what
     * {@link ConnectionSettings} refuses, with the same words as the form's field checks.
     *
     * @throws IllegalArgumentException naming the vendor, the connection and the field (a URL's user info is never
     *     repeated, nor kept)
     */
    protected BoardConnection(String name, String url, String credentialsId) {
        List<ConnectionSettings.Problem> problems = ConnectionSettings.check(name, url, credentialsId);
        this.name = Util.fixNull(name).trim();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(describe(problems));
        }
        this.url = Util.fixNull(url).trim();
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** What the form's field check says about a value that breaks a rule (no connection, no field named). */
    public static String text(ConnectionSettings.Problem problem) {
        return switch (problem.rule()) {
            case NAME_REQUIRED -> Messages.BoardConnection_nameRequired();
            case NAME_INVALID -> Messages.BoardConnection_nameInvalid();
            case URL_REQUIRED -> Messages.BoardConnection_urlRequired();
            case URL_WITH_USER_INFO -> Messages.BoardConnection_urlWithUserInfo();
            case URL_INVALID -> Messages.BoardConnection_urlInvalid(problem.shownValue());
            case CREDENTIALS_REQUIRED -> Messages.BoardConnection_credentialsRequired();
        };
    }

    /** The problems in one sentence per field, each naming the vendor, the connection and the field. */
    public static String describe(String vendor, String connectionName, List<ConnectionSettings.Problem> problems) {
        return problems.stream()
                .map(problem -> Messages.BoardConnection_invalid(vendor, Util.fixNull(connectionName).trim(),
                        problem.field().key(), text(problem)))
                .collect(Collectors.joining("; "));
    }

    private String describe(List<ConnectionSettings.Problem> problems) {
        return describe(vendor().displayName(), name, problems);
    }

    /**
     * What is wrong with this connection, or {@code null}: a connection built by the constructor has nothing wrong,
     * but one loaded from a {@code config.xml} saved before the rules held may; it loads (the rest of the
     * configuration with it), is reported in the log, and its steps fail with this message.
     */
    public String problem() {
        List<ConnectionSettings.Problem> problems = ConnectionSettings.check(name, url, credentialsId);
        return problems.isEmpty() ? null : describe(problems);
    }

    /** Whether loading removed user info from the saved URL (the configuration should be saved again). */
    public boolean isUserInfoRemoved() {
        return userInfoRemoved;
    }

    private void requireValid() {
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds > 0 ? connectTimeoutSeconds : DEFAULT_CONNECT_TIMEOUT_SECONDS;
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds > 0 ? readTimeoutSeconds : DEFAULT_READ_TIMEOUT_SECONDS;
    }

    /** The largest file {@code attachFile} sends to this board, in MiB; checked before anything is sent. */
    public int getMaxAttachmentMiB() {
        return maxAttachmentMiB;
    }

    @DataBoundSetter
    public void setMaxAttachmentMiB(int maxAttachmentMiB) {
        this.maxAttachmentMiB = maxAttachmentMiB > 0 ? maxAttachmentMiB : DEFAULT_MAX_ATTACHMENT_MIB;
    }

    /**
     * Loading bypasses the setters: a timeout of 0 or less in a hand-edited {@code config.xml} (or none at all) would
     * reach OkHttp as "no timeout", so it gets the default here, as the form and JCasC give it.
     */
    protected Object readResolve() {
        if (ConnectionSettings.hasUserInfo(url)) {
            // Never kept, never shown: the password of a URL saved before the rules held is dropped here.
            url = ConnectionSettings.withoutUserInfo(url);
            userInfoRemoved = true;
        }
        setConnectTimeoutSeconds(connectTimeoutSeconds);
        setReadTimeoutSeconds(readTimeoutSeconds);
        // A configuration saved before the cap existed has none (0): it gets the default.
        setMaxAttachmentMiB(maxAttachmentMiB);
        return this;
    }

    /** The board steps use when they name none; optional. */
    public String getDefaultBoard() {
        return defaultBoard;
    }

    @DataBoundSetter
    public void setDefaultBoard(String defaultBoard) {
        this.defaultBoard = Util.fixEmptyAndTrim(defaultBoard);
    }

    /** The secret text webhook deliveries for this connection must carry; optional. */
    public String getWebhookCredentialsId() {
        return webhookCredentialsId;
    }

    @DataBoundSetter
    public void setWebhookCredentialsId(String webhookCredentialsId) {
        this.webhookCredentialsId = Util.fixEmptyAndTrim(webhookCredentialsId);
    }

    /**
     * Where boards reach this connection's webhook endpoint when it is not {@code <Jenkins URL>/project-boards-webhook/
     * <name>} (Jenkins behind a reverse proxy): the only URL {@code subscribeWebhook} then registers. Set by an
     * administrator; optional.
     */
    public String getWebhookUrl() {
        return webhookUrl;
    }

    @DataBoundSetter
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = Util.fixEmptyAndTrim(webhookUrl);
    }

    /**
     * The webhook secret, from a global secret text credential: registrations ({@code subscribeWebhook}) and the
     * endpoint that checks deliveries must read the same one, and the endpoint runs outside any build.
     *
     * @return {@code null} when the connection has no webhook secret
     * @throws IllegalArgumentException when the configured credential is missing or not secret text
     */
    public String webhookSecret() {
        if (webhookCredentialsId == null) {
            return null;
        }
        StringCredentials secret = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(webhookCredentialsId));
        if (secret == null) {
            throw new IllegalArgumentException(Messages.BoardConnection_webhookSecretNotFound(
                    vendor().displayName(), name, webhookCredentialsId));
        }
        return secret.getSecret().getPlainText();
    }

    /** Regular expressions, one per line, whose first group names a card in a commit message; blank for the vendor's defaults. */
    public String getReferencePatterns() {
        return referencePatterns;
    }

    @DataBoundSetter
    public void setReferencePatterns(String referencePatterns) {
        this.referencePatterns = Util.fixEmptyAndTrim(referencePatterns);
    }

    /**
     * What finds this connection's cards in commit messages.
     *
     * @throws IllegalArgumentException naming the connection when a configured pattern is not a valid one
     */
    public ReferenceScanner scanner() {
        if (referencePatterns == null) {
            return ReferenceScanner.forVendor(vendor());
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String line : referencePatterns.split("\\R")) {
            if (!line.isBlank()) {
                patterns.add(referencePattern(line.strip(), vendor().displayName() + " connection '" + name + "'"));
            }
        }
        return new ReferenceScanner(patterns);
    }

    /** A pattern with at least one group (the card), or an {@link IllegalArgumentException} saying what is wrong. */
    static Pattern referencePattern(String regex, String where) {
        try {
            Pattern pattern = Pattern.compile(regex);
            if (pattern.matcher("").groupCount() < 1) {
                throw new IllegalArgumentException(Messages.BoardConnection_referencePatternNoGroup(where, regex));
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(Messages.BoardConnection_referencePatternInvalid(where, regex, e.getDescription()));
        }
    }

    public abstract Vendor vendor();

    /** How the connection dropdowns name it: {@code name (Vendor)}. */
    public String label() {
        return getName() + " (" + vendor().displayName() + ")";
    }

    /**
     * The vendor client for these credentials.
     *
     * @throws IllegalArgumentException when the credential is of a kind this vendor cannot use
     */
    protected abstract BoardClient newClient(StandardCredentials credentials, OkHttpClient http, ClientOptions options);

    /** The client for a build: credentials are looked up in the context of the run, so folder credentials work. */
    public BoardClient client(Run<?, ?> run) {
        requireValid();
        StandardCredentials credentials = credentialsId == null
                ? null
                : CredentialsProvider.findCredentialById(
                        credentialsId, StandardCredentials.class, run, URIRequirementBuilder.fromUri(url).build());
        return clientFor(credentials);
    }

    /**
     * The client outside a build (Test Connection, the webhook endpoint): global credentials only, and only those a
     * build finds too (not System scope), so that Test Connection tests what the steps will use.
     */
    public BoardClient client() {
        requireValid();
        StandardCredentials credentials = credentialsId == null
                ? null
                : CredentialsMatchers.firstOrNull(
                        CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                                ACL.SYSTEM2, URIRequirementBuilder.fromUri(url).build()),
                        CredentialsMatchers.allOf(CredentialsMatchers.withId(credentialsId), FOR_BUILDS));
        return clientFor(credentials);
    }

    BoardClient clientFor(StandardCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException(Messages.BoardConnection_credentialsNotFound(
                    vendor().displayName(), name, Util.fixNull(credentialsId)));
        }
        // http() first: it starts a new client map whenever it builds a new HTTP client, so the map read after it
        // belongs to that client and no client made here is thrown away by it.
        OkHttpClient http = http();
        return clients.computeIfAbsent(fingerprint(credentials), key -> newClient(credentials, http, options()));
    }

    private ClientOptions options() {
        return ClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(readTimeoutSeconds))
                // Retries and lost creates: to the FINE log, and to the console of the build whose step made the call.
                .withListener(HttpListener.both(HttpEventLog.INSTANCE, HttpEvents.SCOPED));
    }

    /** The connection's client with Jenkins' current proxy settings; rebuilt only when those change. */
    OkHttpClient http() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        OkHttpClient current = http;
        if (current == null || proxy != proxyOfHttp) {
            synchronized (this) {
                if (http == null || proxy != proxyOfHttp) {
                    // The client map first and the HTTP client last: whoever sees the new client sees its map.
                    clients = newClientCache();
                    proxyOfHttp = proxy;
                    http = JenkinsOkHttpClient.newClientBuilder(BASE_CLIENT).build();
                }
                current = http;
            }
        }
        return current;
    }

    /** At most {@link #MAX_CLIENTS}, in the order of last use. */
    private static Map<String, BoardClient> newClientCache() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BoardClient> eldest) {
                return size() > MAX_CLIENTS;
            }
        });
    }

    /**
     * Identifies a credential by id and a digest of its secret, so that a changed secret gets a new client while the
     * secret itself is kept nowhere but in the credential.
     */
    private static String fingerprint(StandardCredentials credentials) {
        String material;
        if (credentials instanceof StringCredentials text) {
            material = text.getSecret().getPlainText();
        } else if (credentials instanceof StandardUsernamePasswordCredentials user) {
            material = user.getUsername() + '\n' + user.getPassword().getPlainText();
        } else {
            material = credentials.getClass().getName();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return credentials.getId() + ':' + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The error for a credential of a kind this vendor cannot use; names the kind, never the secret. */
    protected IllegalArgumentException wrongKind(StandardCredentials credentials) {
        return new IllegalArgumentException(Messages.BoardConnection_credentialsWrongKind(vendor().displayName(), name,
                credentials.getId(), credentials.getDescriptor().getDisplayName(), getDescriptor().getDisplayName()));
    }

    /** No URL credentials or secrets: names what it is, for logs. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + url + "]";
    }
}
