package dev.pipes.completions.line;

/** Quoting of words as a person types them: removing it to match names, adding it to insert them. */
public final class Words {
    /** Characters that need a backslash to stand for themselves; {@code ~} stays bare so that a typed {@code ~/} keeps expanding. */
    private static final String SPECIAL = " \t\n\\'\"$`|&;()<>*?[]#{}!";

    private Words() {}

    /**
     * The text a word stands for once quotes and backslashes are removed; expansions are kept as
     * written. Lenient: an unterminated quote runs to the end.
     */
    public static String unquote(String word) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0; else out.append(c);
            } else if (c == '\\' && i + 1 < word.length()
                    && (quote == 0 || "$`\"\\\n".indexOf(word.charAt(i + 1)) >= 0)) {
                out.append(word.charAt(++i));
            } else if (c == '"') {
                quote = quote == '"' ? 0 : '"';
            } else if (c == '\'' && quote == 0) {
                quote = '\'';
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} with a backslash before every character the shell would treat specially. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    public static boolean isName(String text) {
        if (text.isEmpty() || !(Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')) return false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    /** Whether a word is {@code NAME=...} (an assignment where a command may start). */
    public static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && isName(word.substring(0, eq));
    }
}
