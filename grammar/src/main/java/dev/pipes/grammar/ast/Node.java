package dev.pipes.grammar.ast;

/** Every node of the syntax tree knows where it came from. */
public sealed interface Node
        permits Script, CommandList, ListItem, AndOr, AndOr.Link, Pipeline, Command, Assignment,
                Word, WordPart, Redirect, IfCommand.Branch, CaseCommand.Item, Conditional {
    Span span();
}
