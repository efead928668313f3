package dev.pipes.shell.repl.jline;

import dev.pipes.shell.repl.Highlighter;
import dev.pipes.shell.repl.Style;
import dev.pipes.shell.repl.StyledSpan;
import java.util.EnumMap;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Paints the spans of our {@link Highlighter} with terminal colours. */
public final class ShellHighlighter implements org.jline.reader.Highlighter {
    private static final Map<Style, AttributedStyle> COLOURS = new EnumMap<>(Style.class);

    static {
        AttributedStyle plain = AttributedStyle.DEFAULT;
        COLOURS.put(Style.PLAIN, plain);
        COLOURS.put(Style.BUILTIN, plain.foreground(AttributedStyle.YELLOW).bold());
        COLOURS.put(Style.FUNCTION, plain.foreground(AttributedStyle.MAGENTA).bold());
        COLOURS.put(Style.SERVICE, plain.foreground(AttributedStyle.CYAN).bold());
        COLOURS.put(Style.COMMAND, plain.foreground(AttributedStyle.GREEN));
        COLOURS.put(Style.UNKNOWN_COMMAND, plain.foreground(AttributedStyle.RED));
        COLOURS.put(Style.KEYWORD, plain.foreground(AttributedStyle.BLUE).bold());
        COLOURS.put(Style.ASSIGNMENT, plain.foreground(AttributedStyle.MAGENTA));
        COLOURS.put(Style.STRING, plain.foreground(AttributedStyle.YELLOW));
        COLOURS.put(Style.VARIABLE, plain.foreground(AttributedStyle.CYAN));
        COLOURS.put(Style.SUBSTITUTION, plain.foreground(AttributedStyle.MAGENTA));
        COLOURS.put(Style.REDIRECTION, plain.foreground(AttributedStyle.BLUE));
        COLOURS.put(Style.OPERATOR, plain.foreground(AttributedStyle.BLUE).bold());
        COLOURS.put(Style.COMMENT, plain.foreground(AttributedStyle.BRIGHT).faint());
        COLOURS.put(Style.ERROR, plain.foreground(AttributedStyle.WHITE).background(AttributedStyle.RED));
    }

    private final Highlighter highlighter;

    public ShellHighlighter(Highlighter highlighter) {
        this.highlighter = highlighter;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder(buffer.length());
        int at = 0;
        for (StyledSpan span : highlighter.highlight(buffer)) {
            out.append(buffer.substring(at, span.start()));
            out.styled(COLOURS.get(span.style()), buffer.substring(span.start(), span.end()));
            at = span.end();
        }
        out.append(buffer.substring(at));
        return out.toAttributedString();
    }
}
