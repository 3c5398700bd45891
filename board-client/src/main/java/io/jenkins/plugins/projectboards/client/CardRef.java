package io.jenkins.plugins.projectboards.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card as a user names it: {@code #123} or {@code 123} (an id), {@code ref:EXT-1} or any other word (an external
 * reference), or the card's URL on Kanboard, Planka or Projectplace (the id is read out of it).
 *
 * @param kind whether {@link #value} is the vendor's id or an external reference
 * @param text what the user wrote, for messages
 */
public record CardRef(Kind kind, String value, String text) {

    public enum Kind {
        ID,
        REFERENCE
    }

    private static final Pattern HASH_ID = Pattern.compile("#?(\\d+)");
    private static final Pattern EXPLICIT_REFERENCE = Pattern.compile("(?i)ref:(\\S+)");
    // Planka: <base>/cards/<id>; Kanboard: ?controller=TaskViewController&task_id=<id> or pretty URLs /task/<id>.
    private static final Pattern PLANKA_URL = Pattern.compile("/cards/(\\d+)(?:[/?#].*)?$");
    private static final Pattern KANBOARD_QUERY_URL = Pattern.compile("[?&]task_id=(\\d+)");
    private static final Pattern KANBOARD_PRETTY_URL = Pattern.compile("/task/(\\d+)(?:[/?#].*)?$");
    // Projectplace: the card's direct_url, <web>/#direct/card/<id>.
    private static final Pattern PROJECTPLACE_URL = Pattern.compile("#direct/card/(\\d+)$");

    public static CardRef id(String id) {
        return new CardRef(Kind.ID, id, id);
    }

    public static CardRef reference(String reference) {
        return new CardRef(Kind.REFERENCE, reference, reference);
    }

    /**
     * Reads what a user wrote.
     *
     * @throws IllegalArgumentException for a blank value or a URL with no card in it; callers turn it into a
     *     {@link ValidationException} that names their field
     */
    public static CardRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a card id, reference or URL is required");
        }
        String value = text.strip();
        Matcher matcher = HASH_ID.matcher(value);
        if (matcher.matches()) {
            return new CardRef(Kind.ID, matcher.group(1), value);
        }
        matcher = EXPLICIT_REFERENCE.matcher(value);
        if (matcher.matches()) {
            return new CardRef(Kind.REFERENCE, matcher.group(1), value);
        }
        if (value.startsWith("http://") || value.startsWith("https://")) {
            for (Pattern url : new Pattern[] {PLANKA_URL, KANBOARD_QUERY_URL, KANBOARD_PRETTY_URL, PROJECTPLACE_URL}) {
                matcher = url.matcher(value);
                if (matcher.find()) {
                    return new CardRef(Kind.ID, matcher.group(1), value);
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not a card URL of Kanboard, Planka or Projectplace");
        }
        return new CardRef(Kind.REFERENCE, value, value);
    }
}
