package io.jenkins.plugins.projectboards.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a connection's name, URL and credentials id obey wherever they come from: the web form's checks, the
 * constructor (JCasC, Groovy) and the global list all ask these, so they refuse the same things. A {@link Problem}
 * names the field and the rule broken; the caller words it (the plugin keeps its user text in its messages).
 *
 * <p>Nothing here echoes a URL's user info: {@link #redact(String)} is the only form of a URL a message may carry.
 */
public final class ConnectionSettings {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ConnectionSettings() {}

    /** The fields the rules cover, by their configuration names (form, JCasC, Groovy). */
    public enum Field {
        NAME("name"),
        URL("url"),
        CREDENTIALS_ID("credentialsId");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The field's name as JCasC and Groovy spell it. */
        public String key() {
            return key;
        }
    }

    /** A broken rule; each belongs to one field. */
    public enum Rule {
        NAME_REQUIRED(Field.NAME),
        NAME_INVALID(Field.NAME),
        URL_REQUIRED(Field.URL),
        URL_WITH_USER_INFO(Field.URL),
        URL_INVALID(Field.URL),
        CREDENTIALS_REQUIRED(Field.CREDENTIALS_ID);

        private final Field field;

        Rule(Field field) {
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    /**
     * A refused value.
     *
     * @param rule what is wrong
     * @param shownValue the value as a message may show it (a URL without its user info), or {@code null}
     */
    public record Problem(Rule rule, String shownValue) {
        public Field field() {
            return rule.field();
        }
    }

    /** Required; letters, digits, {@code .}, {@code -}, {@code _}, starting with a letter or digit. */
    public static Optional<Problem> checkName(String name) {
        String value = trimmed(name);
        if (value == null) {
            return Optional.of(new Problem(Rule.NAME_REQUIRED, null));
        }
        return NAME.matcher(value).matches() ? Optional.empty() : Optional.of(new Problem(Rule.NAME_INVALID, value));
    }

    /** Required; an absolute http(s) URL with a host and without user info (user names and secrets go in credentials). */
    public static Optional<Problem> checkUrl(String url) {
        String value = trimmed(url);
        if (value == null) {
            return Optional.of(new Problem(Rule.URL_REQUIRED, null));
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of(new Problem(hasUserInfo(value) ? Rule.URL_WITH_USER_INFO : Rule.URL_INVALID, redact(value)));
        }
        // User info first, so that a message never shows it, whatever else is wrong.
        if (uri.getRawUserInfo() != null || hasUserInfo(value)) {
            return Optional.of(new Problem(Rule.URL_WITH_USER_INFO, redact(value)));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of(new Problem(Rule.URL_INVALID, value));
        }
        return Optional.empty();
    }

    /** Required: steps look the credential up by it. */
    public static Optional<Problem> checkCredentialsId(String credentialsId) {
        return trimmed(credentialsId) == null ? Optional.of(new Problem(Rule.CREDENTIALS_REQUIRED, null)) : Optional.empty();
    }

    /** Every problem of these three values, in field order (name, URL, credentials id); empty when all are valid. */
    public static List<Problem> check(String name, String url, String credentialsId) {
        List<Problem> problems = new ArrayList<>(3);
        checkName(name).ifPresent(problems::add);
        checkUrl(url).ifPresent(problems::add);
        checkCredentialsId(credentialsId).ifPresent(problems::add);
        return problems;
    }

    /**
     * Whether a valid URL sends credentials in clear to another machine ({@code http://} to a host that is not the
     * loopback one): worth a warning, not a refusal.
     */
    public static boolean isPlainHttpToAnotherHost(String url) {
        try {
            URI uri = new URI(trimmed(url) == null ? "" : url.strip());
            String host = uri.getHost();
            return "http".equalsIgnoreCase(uri.getScheme()) && host != null
                    && !(host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The URL as a message or a log may show it: whatever stands before an {@code @} in its authority is replaced by
     * {@code ****}. {@code null} stays {@code null}.
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        UserInfo info = UserInfo.of(url);
        return info.present() ? info.url().substring(0, info.start()) + "****" + info.url().substring(info.at()) : info.url();
    }

    /**
     * The URL without its user info (the rest unchanged), for a value stored before the rules held; {@code null}
     * stays {@code null}.
     */
    public static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        UserInfo info = UserInfo.of(url);
        return info.present() ? info.url().substring(0, info.start()) + info.url().substring(info.at() + 1) : info.url();
    }

    /**
     * Where a URL's user info lies, found in the text (it may not parse): it starts at {@code start} (after the
     * scheme's {@code ://}) and ends at the {@code @} at {@code at}; {@code at < start} when there is none.
     */
    private record UserInfo(String url, int start, int at) {
        static UserInfo of(String url) {
            String value = url.strip();
            int start = value.indexOf("://");
            start = start < 0 ? 0 : start + 3;
            return new UserInfo(value, start, value.lastIndexOf('@', authorityEnd(value, start) - 1));
        }

        boolean present() {
            return at >= start;
        }
    }

    /** Whether the text has user info ({@code user@} or {@code user:secret@} before the host), parsed or not. */
    public static boolean hasUserInfo(String url) {
        return url != null && UserInfo.of(url).present();
    }

    private static int authorityEnd(String value, int start) {
        int end = value.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = value.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return end;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
