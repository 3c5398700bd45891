package io.jenkins.plugins.projectboards.client;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Picks one item out of a vendor's list by id or by name, the way users type them. */
public final class Names {
    private static final int COMPARED = 64;

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

    /**
     * {@code names} as they are when there are at most {@code max} (a board's columns read best left to right);
     * otherwise the {@code max} closest to {@code wanted} by edit distance ignoring case, closest first.
     */
    static List<String> closest(String wanted, List<String> names, int max) {
        List<String> valid = names.stream().map(name -> name == null ? "" : name).toList();
        if (valid.size() <= max) {
            return valid;
        }
        String target = fold(wanted);
        return valid.stream().sorted(Comparator.comparingInt(name -> distance(target, fold(name)))).limit(max).toList();
    }

    /**
     * Levenshtein distance over the first {@value #COMPARED} characters: enough to rank typos, and bounded work for
     * names a server may make arbitrarily long.
     */
    static int distance(String a, String b) {
        String s = a.length() > COMPARED ? a.substring(0, COMPARED) : a;
        String t = b.length() > COMPARED ? b.substring(0, COMPARED) : b;
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int substitute = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }

    private static String fold(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
