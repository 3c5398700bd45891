package io.jenkins.plugins.projectboards.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cards a commit message names. Each pattern's first group is read with {@link CardRef#parse}; the
 * defaults per vendor are {@link #defaultPatterns}, and a connection may configure its own.
 */
public final class ReferenceScanner {
    /** {@code #123} not inside a word, a URL fragment or an HTML entity ({@code &#123;}). */
    private static final String HASH_ID = "(?<![\\w&#/])(#\\d+)\\b";
    /** {@code [card: EXT-1]}, {@code [ref: EXT-1]} or {@code [task: 42]} anywhere in a message. */
    private static final String BRACKETED = "\\[(?:card|ref|task):\\s*([^\\]\\s]+)\\s*]";
    private static final String KANBOARD_URL = "(https?://[^\\s\"'<>]*?(?:[?&]task_id=\\d+|/task/\\d+))";
    private static final String PLANKA_URL = "(https?://[^\\s\"'<>]*?/cards/\\d+)";

    private final List<Pattern> patterns;

    public ReferenceScanner(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The patterns a vendor's commit messages usually carry. */
    public static List<Pattern> defaultPatterns(Vendor vendor) {
        List<String> regexes = switch (vendor) {
            case KANBOARD -> List.of(KANBOARD_URL, HASH_ID, BRACKETED);
            case PLANKA -> List.of(PLANKA_URL, BRACKETED);
            case PROJECTPLACE, KECHAIN -> List.of(HASH_ID, BRACKETED);
        };
        return regexes.stream().map(Pattern::compile).toList();
    }

    public static ReferenceScanner forVendor(Vendor vendor) {
        return new ReferenceScanner(defaultPatterns(vendor));
    }

    /** The references in {@code message}, in order of first appearance, each once (by kind and value). */
    public List<CardRef> scan(String message) {
        if (message == null || message.isEmpty()) {
            return List.of();
        }
        // Keyed by position so that the result follows the message, not the order of the patterns.
        Map<Integer, CardRef> found = new java.util.TreeMap<>();
        List<int[]> taken = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(message);
            while (matcher.find()) {
                int start = matcher.start(1);
                int end = matcher.end(1);
                if (overlaps(taken, start, end)) {
                    continue;
                }
                try {
                    found.put(start, CardRef.parse(matcher.group(1)));
                    taken.add(new int[] {start, end});
                } catch (IllegalArgumentException notACard) {
                    // A pattern that matched text CardRef cannot read names no card: skip it.
                }
            }
        }
        Map<String, CardRef> unique = new LinkedHashMap<>();
        for (CardRef ref : found.values()) {
            unique.putIfAbsent(ref.kind() + ":" + ref.value(), ref);
        }
        return List.copyOf(unique.values());
    }

    /** The references in several messages (a build's commits, oldest first), each card once. */
    public List<CardRef> scanAll(List<String> messages) {
        Map<String, CardRef> unique = new LinkedHashMap<>();
        for (String message : messages) {
            for (CardRef ref : scan(message)) {
                unique.putIfAbsent(ref.kind() + ":" + ref.value(), ref);
            }
        }
        return List.copyOf(unique.values());
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(span -> start < span[1] && span[0] < end);
    }
}
