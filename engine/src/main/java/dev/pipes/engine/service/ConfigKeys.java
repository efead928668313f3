package dev.pipes.engine.service;

import java.util.regex.Pattern;

/**
 * The keys every {@link ConfigStore} accepts: segments of letters, digits, {@code _ . -} (not
 * starting with {@code .} or {@code -}) joined by single slashes. The same rule for every store, so
 * that a key that works in the embedded store works in etcd and no key can leave the file store's
 * directory.
 */
public final class ConfigKeys {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ConfigKeys() {}

    /** Returns {@code key}'s segments, or throws naming the one that is wrong. */
    public static String[] check(String key) {
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid key '" + key + "': segment '" + segment + "'");
            }
        }
        return segments;
    }

    /** Checks a prefix: a key followed by a slash. */
    public static void checkPrefix(String prefix) {
        if (!prefix.endsWith("/")) throw new IllegalArgumentException("a prefix ends with '/': " + prefix);
        check(prefix.substring(0, prefix.length() - 1));
    }
}
