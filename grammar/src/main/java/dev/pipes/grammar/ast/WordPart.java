package dev.pipes.grammar.ast;

import java.util.List;

/**
 * A piece of a {@link Word}. Whether a piece is quoted is told by its type (and, for parts nested in
 * {@link DoubleQuoted}, by that parent): a {@link Literal} directly in a word is unquoted text,
 * subject to field splitting only when it came from an expansion, i.e. never by itself; a
 * {@link Glob} is an unquoted {@code * ? [} and the only place pathname expansion starts.
 */
public sealed interface WordPart extends Node {

    /**
     * Text taken as written. Directly in a word: unquoted text without glob characters (its
     * characters such as {@code ]} or {@code !} still matter inside a bracket expression that a
     * {@link Glob} {@code [} opened). Inside {@link DoubleQuoted} or a here-document body: quoted text.
     */
    record Literal(String text, Span span) implements WordPart {
        public Literal {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /** {@code 'text'}: taken literally, no expansion. */
    record SingleQuoted(String text, Span span) implements WordPart {
        public SingleQuoted {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code "..."}: its parts are {@link Literal}, {@link Escaped}, {@link Parameter},
     * {@link Arithmetic} and {@link CommandSubstitution}; results are never field-split or globbed
     * ({@code "$@"} is the exception the expander knows about).
     */
    record DoubleQuoted(List<WordPart> parts, Span span) implements WordPart {
        public DoubleQuoted {
            parts = List.copyOf(parts);
        }
    }

    /**
     * A backslash escape: {@code text} is the escaped character(s) without the backslashes (adjacent
     * escapes are merged: {@code \a\b} is {@code Escaped("ab")}); quoted. Backslash-newline is a
     * line continuation and never becomes a part.
     */
    record Escaped(String text, Span span) implements WordPart {
        public Escaped {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code $name}, {@code ${name}}, {@code ${name<op>argument}} and {@code ${#name}}. {@code name}
     * is a variable name, a positional parameter ({@code "1"}, {@code "10"}) or a special parameter
     * ({@code "?" "$" "!" "#" "@" "*" "-" "0"}). {@code argument} is the word after the operator
     * (an empty word for {@link ParameterOp#PLAIN} and {@link ParameterOp#LENGTH}; it is expanded
     * only when the operator needs it; for the {@code # ## % %%} operators it is a pattern).
     */
    record Parameter(String name, ParameterOp op, Word argument, Span span) implements WordPart {
        public Parameter {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(op, "op");
            java.util.Objects.requireNonNull(argument, "argument");
        }

        public static Parameter plain(String name) {
            return new Parameter(name, ParameterOp.PLAIN, Word.of(), Span.NONE);
        }
    }

    /**
     * {@code $(( expression ))}: the expression as a word (literal text plus any {@code $x},
     * {@code $(cmd)} inside); the expander expands it, then evaluates the resulting text as
     * arithmetic, as sh does.
     */
    record Arithmetic(Word expression, Span span) implements WordPart {
        public Arithmetic {
            java.util.Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * {@code <( script )} or {@code >( script )} (bash): the name of a FIFO from which the script's
     * output is read ({@code <}) or to which its input is written ({@code >}).
     */
    record ProcessSubstitution(Script script, boolean output, Span span) implements WordPart {
        public ProcessSubstitution {
            java.util.Objects.requireNonNull(script, "script");
        }
    }

    /** {@code $( script )} or {@code `script`} (both give the same tree); the output replaces it. */
    record CommandSubstitution(Script script, Span span) implements WordPart {
        public CommandSubstitution {
            java.util.Objects.requireNonNull(script, "script");
        }
    }

    /**
     * A tilde prefix: {@code ~} ({@code user} empty: $HOME) or {@code ~user}, unquoted, at the start
     * of a word and followed by {@code /} or the end of the word; in an assignment value also after
     * each unquoted {@code :} and ended by {@code /}, {@code :} or the end.
     */
    record Tilde(String user, Span span) implements WordPart {
        public Tilde {
            java.util.Objects.requireNonNull(user, "user");
        }
    }

    /**
     * {@code (w1 w2 ...)} right after {@code NAME=} or {@code NAME+=} (bash): the elements of an array
     * assignment, each a word expanded as a command's arguments are ({@code [key]=value} elements too).
     */
    record ArrayLiteral(List<Word> elements, Span span) implements WordPart {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }
    }

    /**
     * bash's extended pattern, unquoted: {@code ?(a|b)} (zero or one), {@code *(..)} (any number),
     * {@code +(..)} (one or more), {@code @(..)} (one), {@code !(..)} (anything else); {@code text} as written.
     */
    record ExtGlob(String text, Span span) implements WordPart {
        public ExtGlob {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /** An unquoted {@code *}, {@code ?} or {@code [}: active in pathname expansion and patterns. */
    record Glob(char character, Span span) implements WordPart {
        public Glob {
            if (character != '*' && character != '?' && character != '[') {
                throw new IllegalArgumentException("not a glob character: " + character);
            }
        }
    }
}
