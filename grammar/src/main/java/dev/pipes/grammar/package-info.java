/** The pipesh language: ANTLR 4 grammar, immutable syntax tree, parser facade. */
package dev.pipes.grammar;
