package io.jenkins.plugins.projectboards.client;

import java.util.List;

/**
 * A board, column, swimlane, user or label named by the caller does not exist. The message lists the valid names,
 * so a pipeline author can fix a typo without opening the board.
 */
public class UnknownNameException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;
    private final List<String> validNames;

    public UnknownNameException(Vendor vendor, String operation, String kind, String name, List<String> validNames) {
        super(vendor, operation, 0, "unknown " + kind + " '" + name + "'; valid " + kind + "s: "
                + (validNames.isEmpty() ? "(none)" : String.join(", ", validNames)));
        this.kind = kind;
        this.name = name;
        this.validNames = List.copyOf(validNames);
    }

    /** What was looked up: {@code board}, {@code column}, {@code swimlane}, {@code user}, {@code label}. */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> validNames() {
        return validNames;
    }
}
