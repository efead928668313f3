package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.Trees;

/** text -> tree -> text -> tree gives the same tree, and printing is stable. */
final class RoundTrip {
    private RoundTrip() {}

    static void assertRoundTrips(String text) {
        Script tree = Parser.parse(text);
        String printed = Printer.print(tree);
        Script reparsed;
        try {
            reparsed = Parser.parse(printed);
        } catch (SyntaxError e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n--- source:\n" + text
                    + "\n--- printed:\n" + printed, e);
        }
        assertEquals(TreeDump.dump(Trees.withoutSpans(tree)), TreeDump.dump(Trees.withoutSpans(reparsed)),
                "round trip of:\n" + text + "\n--- printed:\n" + printed);
        assertEquals(Trees.withoutSpans(tree), Trees.withoutSpans(reparsed), "round trip of:\n" + text);
        assertEquals(printed, Printer.print(reparsed), "printing is not stable for:\n" + text);
    }
}
