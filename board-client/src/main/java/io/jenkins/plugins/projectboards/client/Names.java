package io.jenkins.plugins.projectboards.client;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Picks one item out of a vendor's list by id or by name, the way users type them. */
public final class Names {
    private Names() {}

    /**
     * Matches, in this order: the id exactly, the name exactly, the name ignoring case and surrounding spaces (only
     * when that is unique). Anything else fails with an {@link UnknownNameException} that lists the valid names.
     */
    public static <T> T pick(Vendor vendor, String operation, String kind, String wanted, List<T> items,
            Function<T, String> idOf, Function<T, String> nameOf) {
        if (wanted == null || wanted.isBlank()) {
            throw new ValidationException(vendor, operation, 0, kind, "a " + kind + " name or id is required");
        }
        for (T item : items) {
            if (wanted.equals(idOf.apply(item))) {
                return item;
            }
        }
        for (T item : items) {
            if (wanted.equals(nameOf.apply(item))) {
                return item;
            }
        }
        String folded = fold(wanted);
        List<T> loose = items.stream().filter(item -> fold(nameOf.apply(item)).equals(folded)).toList();
        if (loose.size() == 1) {
            return loose.get(0);
        }
        throw new UnknownNameException(vendor, operation, kind, wanted, items.stream().map(nameOf).toList());
    }

    private static String fold(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
