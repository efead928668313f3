package dev.pipes.wamp.router;

import dev.pipes.wamp.message.ProtocolViolation;

/** How a subscription's topic or a registration's procedure is compared with a URI. */
public enum MatchPolicy {
    EXACT, PREFIX, WILDCARD;

    /** The policy named by a SUBSCRIBE or REGISTER option {@code match}, exact when absent. */
    public static MatchPolicy fromOption(Object match) {
        if (match == null || "exact".equals(match)) return EXACT;
        if ("prefix".equals(match)) return PREFIX;
        if ("wildcard".equals(match)) return WILDCARD;
        throw new ProtocolViolation("unknown match policy " + match + " (expected exact, prefix or wildcard)");
    }

    public String option() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean matches(String pattern, String uri) {
        return switch (this) {
            case EXACT -> pattern.equals(uri);
            case PREFIX -> uri.startsWith(pattern);
            case WILDCARD -> wildcardMatches(pattern, uri);
        };
    }

    /** Empty components of the pattern match any one component; the component counts must agree. */
    private static boolean wildcardMatches(String pattern, String uri) {
        String[] p = pattern.split("\\.", -1);
        String[] u = uri.split("\\.", -1);
        if (p.length != u.length) return false;
        for (int i = 0; i < p.length; i++) {
            if (!p[i].isEmpty() && !p[i].equals(u[i])) return false;
        }
        return true;
    }

    /** Which of two matching patterns wins for a call: longer prefixes, more concrete wildcards. */
    static int specificity(MatchPolicy policy, String pattern) {
        if (policy != WILDCARD) return pattern.length();
        int concrete = 0;
        for (String c : pattern.split("\\.", -1)) {
            if (!c.isEmpty()) concrete++;
        }
        return concrete;
    }

    /** Checks a URI or pattern: no whitespace or '#', and empty components only in wildcards. */
    public boolean isValid(String uri) {
        if (uri.isEmpty() && this != PREFIX) return false;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (Character.isWhitespace(c) || c == '#') return false;
        }
        if (this == EXACT) {
            for (String c : uri.split("\\.", -1)) {
                if (c.isEmpty()) return false;
            }
        }
        return true;
    }
}
