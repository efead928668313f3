package dev.pipes.grammar.ast;

/**
 * A redirection. {@code fd} is always the file descriptor it applies to, written or implied
 * ({@code >x} and {@code 1>x} give the same tree).
 */
public sealed interface Redirect extends Node {
    int fd();

    /**
     * {@code [fd]op target}. For {@link RedirectOp#DUP_IN} and {@link RedirectOp#DUP_OUT} the target
     * expands to a descriptor number or {@code -} (close); for {@link RedirectOp#HERE_STRING} it is
     * the text fed to the command (with a newline added).
     */
    record FileRedirect(int fd, RedirectOp op, Word target, Span span) implements Redirect {
        public FileRedirect {
            java.util.Objects.requireNonNull(op, "op");
            java.util.Objects.requireNonNull(target, "target");
            if (fd < 0) throw new IllegalArgumentException("negative fd " + fd);
        }
    }

    /**
     * {@code [fd]<<DELIM} or {@code [fd]<<-DELIM} with its body (the lines up to the delimiter line,
     * each ending with a newline; with {@code stripTabs} the leading tabs are already removed).
     * {@code delimiter} is the delimiter after quote removal. With {@code quotedDelimiter} (any part
     * of the delimiter was quoted) the body is one {@link WordPart.Literal} and is not expanded;
     * otherwise its parts are {@link WordPart.Literal} (quoted text), {@link WordPart.Escaped}
     * ({@code \$ \` \\}), {@link WordPart.Parameter}, {@link WordPart.Arithmetic} and
     * {@link WordPart.CommandSubstitution}, expanded without field splitting or globbing.
     */
    record HereDoc(int fd, String delimiter, boolean quotedDelimiter, boolean stripTabs, Word body, Span span)
            implements Redirect {
        public HereDoc {
            java.util.Objects.requireNonNull(delimiter, "delimiter");
            java.util.Objects.requireNonNull(body, "body");
            if (fd < 0) throw new IllegalArgumentException("negative fd " + fd);
        }
    }
}
