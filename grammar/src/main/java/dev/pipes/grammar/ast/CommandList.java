package dev.pipes.grammar.ast;

import java.util.List;

/**
 * Commands run one after the other: what {@code ;}, {@code &} and newlines separate. The body of
 * every compound command is one of these; a script's may be empty.
 */
public record CommandList(List<ListItem> items, Span span) implements Node {
    public CommandList {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
