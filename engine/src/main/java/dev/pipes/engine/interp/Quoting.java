package dev.pipes.engine.interp;

/** Quotes a word for re-input as bash does in {@code set -x} traces and {@code export -p}. */
final class Quoting {
    private Quoting() {}

    /** Always single-quoted ({@code ${x@Q}}, {@code printf %q} keep bash's own spellings apart). */
    static String quoteAlways(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** bash's {@code printf %q}: special characters backslashed, control characters in {@code $'...'}. */
    static String backslashed(String word) {
        if (word.isEmpty()) return "''";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "$'" + word.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t")
                        .replace("\r", "\\r") + "'";
            }
            if (!(Character.isLetterOrDigit(c) || "_-./:,=+@%^".indexOf(c) >= 0)) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    static String quote(String word) {
        if (word.isEmpty()) return "''";
        boolean plain = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "_-./:,=+@%^".indexOf(c) >= 0)) {
                plain = false;
                break;
            }
        }
        if (plain) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
