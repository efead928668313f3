package dev.pipes.engine.interp;

/** Quotes a word for re-input as bash does in {@code set -x} traces and {@code export -p}. */
final class Quoting {
    private Quoting() {}

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
