package dev.pipes.engine.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Field splitting on IFS (POSIX 2.6.5) over the pieces of one expanded word. Only pieces that came
 * from an unquoted expansion are split; quoted text and literal word text are kept whole. The
 * fields come out as pattern text (quoted characters escaped, see {@link ShPattern}) so that
 * pathname expansion can tell a quoted {@code *} from a wildcard.
 */
public final class FieldSplitter {
    private static final String DEFAULT_IFS = " \t\n";

    /** One piece of an expanded word. {@code BREAK} separates the words of {@code "$@"}. */
    public record Piece(String text, Kind kind) {
        public static final Piece BREAK = new Piece("", Kind.BREAK);
        public static final Piece SOFT_BREAK = new Piece("", Kind.SOFT_BREAK);

        public static Piece quoted(String text) {
            return new Piece(text, Kind.QUOTED);
        }

        public static Piece literal(String text) {
            return new Piece(text, Kind.LITERAL);
        }

        public static Piece expansion(String text) {
            return new Piece(text, Kind.EXPANSION);
        }
    }

    /**
     * How a piece came to be: this decides whether it is split and whether its wildcards count.
     * {@code BREAK} ends a field even when it is empty (between the words of a quoted {@code "$@"});
     * {@code SOFT_BREAK} ends a field only when it has something (between unquoted {@code $@} words).
     */
    public enum Kind { QUOTED, LITERAL, EXPANSION, BREAK, SOFT_BREAK }

    private final String ifs;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean started;
    private boolean lastSplitByWhitespace;

    private FieldSplitter(String ifs) {
        this.ifs = ifs == null ? DEFAULT_IFS : ifs;
    }

    /** Splits the pieces with {@code ifs} ({@code null}: unset, the default). */
    public static List<String> split(List<Piece> pieces, String ifs) {
        FieldSplitter splitter = new FieldSplitter(ifs);
        for (Piece piece : pieces) splitter.add(piece);
        if (splitter.started) splitter.emit();
        return splitter.fields;
    }

    /** The pieces joined without splitting (assignments, here-strings, case words): pattern text. */
    public static String join(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            if (piece.kind() == Kind.QUOTED) out.append(ShPattern.escape(piece.text()));
            else if (piece.kind() == Kind.BREAK || piece.kind() == Kind.SOFT_BREAK) out.append(' ');
            else out.append(escapeBackslashes(piece.text()));
        }
        return out.toString();
    }

    private void add(Piece piece) {
        switch (piece.kind()) {
            case BREAK -> emit();
            case SOFT_BREAK -> {
                if (started) emit();
            }
            case QUOTED -> {
                current.append(ShPattern.escape(piece.text()));
                started = true;
                lastSplitByWhitespace = false;
            }
            case LITERAL -> {
                if (!piece.text().isEmpty()) {
                    current.append(escapeBackslashes(piece.text()));
                    started = true;
                    lastSplitByWhitespace = false;
                }
            }
            case EXPANSION -> splitExpansion(piece.text());
        }
    }

    private void splitExpansion(String text) {
        if (ifs.isEmpty()) {
            if (!text.isEmpty()) {
                current.append(escapeBackslashes(text));
                started = true;
                lastSplitByWhitespace = false;
            }
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ifs.indexOf(c) < 0) {
                if (c == '\\') current.append('\\');
                current.append(c);
                started = true;
                lastSplitByWhitespace = false;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (started) {
                    emit();
                    lastSplitByWhitespace = true;
                }
            } else if (lastSplitByWhitespace) {
                lastSplitByWhitespace = false;
            } else {
                emit();
            }
        }
    }

    private void emit() {
        fields.add(current.toString());
        current.setLength(0);
        started = false;
        lastSplitByWhitespace = false;
    }

    private static String escapeBackslashes(String text) {
        return text.indexOf('\\') < 0 ? text : text.replace("\\", "\\\\");
    }
}
