package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code first && second || third}: runs {@code first}, then each link's pipeline when the status
 * so far calls for it ({@code &&}: status 0, {@code ||}: status not 0). No links: a plain pipeline.
 */
public record AndOr(Pipeline first, List<Link> rest, Span span) implements Node {
    public AndOr {
        java.util.Objects.requireNonNull(first, "first");
        rest = List.copyOf(rest);
    }

    /** {@code && pipeline} or {@code || pipeline}. */
    public record Link(Connector connector, Pipeline pipeline, Span span) implements Node {
        public Link {
            java.util.Objects.requireNonNull(connector, "connector");
            java.util.Objects.requireNonNull(pipeline, "pipeline");
        }
    }

    public enum Connector {
        AND("&&"), OR("||");

        private final String text;

        Connector(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
