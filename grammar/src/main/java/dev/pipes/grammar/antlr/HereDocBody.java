package dev.pipes.grammar.antlr;

/**
 * A here-document body as cut out of the text: its lines (tabs already stripped for {@code <<-}),
 * where it starts (local offset and line), and the delimiter it ended with.
 */
public record HereDocBody(Delimiter delimiter, boolean stripTabs, String text, int startOffset, int line) {}
