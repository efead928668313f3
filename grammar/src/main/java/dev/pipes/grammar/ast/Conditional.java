package dev.pipes.grammar.ast;

/**
 * The expression inside {@code [[ ]]}. Operators are kept as written ({@code -f}, {@code ==},
 * {@code -lt}...); a lone word is {@code Unary("-n", word)}. The right side of {@code ==} and
 * {@code !=} is a pattern; that of {@code =~} a regular expression whose {@link WordPart.Literal}
 * parts are the unquoted regex text (quoted parts match themselves).
 */
public sealed interface Conditional extends Node {
    record Unary(String op, Word operand, Span span) implements Conditional {
        public Unary {
            java.util.Objects.requireNonNull(op, "op");
            java.util.Objects.requireNonNull(operand, "operand");
        }
    }

    record Binary(String op, Word left, Word right, Span span) implements Conditional {
        public Binary {
            java.util.Objects.requireNonNull(op, "op");
            java.util.Objects.requireNonNull(left, "left");
            java.util.Objects.requireNonNull(right, "right");
        }
    }

    record Not(Conditional operand, Span span) implements Conditional {
        public Not {
            java.util.Objects.requireNonNull(operand, "operand");
        }
    }

    record And(Conditional left, Conditional right, Span span) implements Conditional {}

    record Or(Conditional left, Conditional right, Span span) implements Conditional {}
}
