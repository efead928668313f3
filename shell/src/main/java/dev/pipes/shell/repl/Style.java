package dev.pipes.shell.repl;

/** What a highlighted piece of the input is; the terminal maps each to colours. */
public enum Style {
    PLAIN, BUILTIN, FUNCTION, SERVICE, COMMAND, UNKNOWN_COMMAND, KEYWORD, ASSIGNMENT,
    STRING, VARIABLE, SUBSTITUTION, REDIRECTION, OPERATOR, COMMENT, ERROR
}
