package dev.pipes.grammar.ast;

/**
 * {@code NAME=value}; the value may be an empty word ({@code X=}). {@code name} is the text before
 * {@code =}: bash's forms keep their marks in it, {@code a+} ({@code a+=v}, append) and {@code a[i]}
 * (an array element); an array value {@code a=(x y)} is a value of one {@link WordPart.ArrayLiteral}.
 */
public record Assignment(String name, Word value, Span span) implements Node {
    public Assignment {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(value, "value");
    }
}
