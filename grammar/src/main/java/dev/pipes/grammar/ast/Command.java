package dev.pipes.grammar.ast;

import java.util.List;

/**
 * One stage of a pipeline. Compound commands carry the redirections written after them
 * ({@code { ...; } > out}); a simple command carries its own; a function definition's redirections
 * belong to its body.
 */
public sealed interface Command extends Node
        permits SimpleCommand, Subshell, BraceGroup, IfCommand, LoopCommand, ForCommand,
                CaseCommand, FunctionDefinition, ArithmeticCommand, ArithmeticFor, ConditionalCommand {

    /** The redirections applied to this command, in source order. */
    List<Redirect> redirects();
}
