package dev.pipes.grammar.ast;

/** {@code NAME=value}; the value may be an empty word ({@code X=}). */
public record Assignment(String name, Word value, Span span) implements Node {
    public Assignment {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(value, "value");
    }
}
