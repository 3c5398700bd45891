package io.jenkins.plugins.projectboards.client;

import java.util.List;

/**
 * A board, column, swimlane, user or label named by the caller does not exist. The message lists the valid names,
 * so a pipeline author can fix a typo without opening the board; at most {@value #SHOWN} of them, the closest to the
 * name first, because the account is often an admin that sees every board and user of the server, and the message
 * goes to a build log many may read.
 */
public class UnknownNameException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    static final int SHOWN = 20;

    private final String kind;
    private final String name;
    private final List<String> validNames;

    public UnknownNameException(Vendor vendor, String operation, String kind, String name, List<String> validNames) {
        this(vendor, operation, kind, name, Names.closest(name, validNames, SHOWN), validNames.size());
    }

    private UnknownNameException(Vendor vendor, String operation, String kind, String name, List<String> shown, int all) {
        super(vendor, operation, 0, "unknown " + kind + " '" + name + "'; valid " + plural(kind) + ": "
                + (shown.isEmpty() ? "(none)" : String.join(", ", shown))
                + (all > shown.size() ? ", … and " + (all - shown.size()) + " more" : ""));
        this.kind = kind;
        this.name = name;
        this.validNames = shown;
    }

    /** "properties", not "propertys": the kinds are English nouns. */
    private static String plural(String kind) {
        return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
    }

    /**
     * What was looked up: {@code board}, {@code column}, {@code swimlane}, {@code user}, {@code label},
     * {@code attachment property}.
     */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The valid names the message shows: all of them, or the {@value #SHOWN} closest to {@link #name()}. */
    public List<String> validNames() {
        return validNames;
    }
}
