package dev.pipes.shell.repl.jline;

import dev.pipes.completions.line.CursorContext;
import dev.pipes.completions.line.Words;
import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * One parse of the input for JLine. {@link #word()} is what candidates are matched against: the
 * typed prefix with its quotes removed (as typed for {@code $VAR} and {@code %job}); the raw word
 * runs from the context's {@code replaceFrom} to the cursor.
 */
record ShellParsedLine(String line, int cursor, CursorContext context, List<String> words, int wordIndex)
        implements CompletingParsedLine {
    @Override
    public String word() {
        return switch (context.kind()) {
            case VARIABLE, JOB -> context.rawPrefix();
            default -> context.prefix();
        };
    }

    @Override
    public int wordCursor() {
        return word().length();
    }

    @Override
    public int rawWordCursor() {
        return cursor - context.replaceFrom();
    }

    @Override
    public int rawWordLength() {
        return rawWordCursor();
    }

    /** Quotes a chosen candidate the way the word was begun: bare with backslashes, or in quotes. */
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
        String value = candidate.toString();
        if (context.kind() == CursorContext.Kind.VARIABLE || context.kind() == CursorContext.Kind.JOB) return value;
        String raw = context.rawPrefix();
        if (raw.startsWith("'")) return "'" + value.replace("'", "'\\''") + (complete ? "'" : "");
        if (raw.startsWith("\"")) {
            return "\"" + value.replaceAll("([\"$`\\\\])", "\\\\$1") + (complete ? "\"" : "");
        }
        return Words.escape(value);
    }
}
