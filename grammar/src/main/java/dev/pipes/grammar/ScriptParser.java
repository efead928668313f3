package dev.pipes.grammar;

import dev.pipes.grammar.ast.Script;

/** Runs the ANTLR lexer and parser and builds the tree (work in progress). */
final class ScriptParser {
    private ScriptParser() {}

    static Script parse(String text, String sourceName) {
        throw new UnsupportedOperationException("the grammar behind Parser.parse is being written");
    }
}
