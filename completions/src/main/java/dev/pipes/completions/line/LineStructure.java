package dev.pipes.completions.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gives every word of a lenient token list its role: command name, keyword, assignment, argument
 * (of which command) or redirection target. Follows the shell's rule that a command starts at
 * the beginning, after an operator and after a keyword such as {@code then}; knows enough of
 * {@code for} and {@code case} not to take their names and patterns for commands.
 */
public final class LineStructure {
    /** Reserved words after which another command starts. */
    private static final Set<String> OPENING = Set.of("if", "then", "elif", "else", "do", "while", "until", "{", "!");
    /** Reserved words that end a compound command: what follows is an operator or a redirection. */
    private static final Set<String> CLOSING = Set.of("fi", "done", "esac", "}");

    /** The language's reserved words: the grammar's one list. */
    public static final Set<String> KEYWORDS = dev.pipes.grammar.Parser.RESERVED_WORDS;

    private enum State { COMMAND, ARGUMENTS, FOR_NAME, FOR_IN, FOR_WORDS, CASE_SUBJECT, CASE_IN, CASE_PATTERNS }

    private final List<Word> words = new ArrayList<>();
    private State state = State.COMMAND;
    private String command = "";
    private int index;
    private boolean redirectTargetNext;
    private int caseDepth;
    /** After {@code name (}: a {@code )} now ends a function definition's head, and a body follows. */
    private boolean functionHead;

    private LineStructure() {}

    public static List<Word> words(List<Token> tokens) {
        LineStructure structure = new LineStructure();
        for (Token token : tokens) structure.accept(token);
        return List.copyOf(structure.words);
    }

    private void accept(Token token) {
        switch (token.kind()) {
            case REDIRECTION -> redirectTargetNext = true;
            case OPERATOR -> operator(token.text());
            case WORD -> word(token);
            case COMMENT, HEREDOC_BODY -> { }
        }
    }

    private void operator(String op) {
        redirectTargetNext = false;
        boolean afterFunctionName = state == State.ARGUMENTS && index == 0 && !command.isEmpty();
        boolean closesFunctionHead = functionHead;
        functionHead = op.equals("(") && afterFunctionName;
        switch (op) {
            case ")" -> {
                state = state == State.CASE_PATTERNS || closesFunctionHead ? State.COMMAND : State.ARGUMENTS;
                command = "";
            }
            case ";;" -> state = caseDepth > 0 ? State.CASE_PATTERNS : State.COMMAND;
            case "|" -> state = state == State.CASE_PATTERNS ? State.CASE_PATTERNS : State.COMMAND;
            case "\n", ";" -> state = switch (state) {
                case CASE_IN, CASE_PATTERNS -> state;
                default -> State.COMMAND;
            };
            default -> state = State.COMMAND;
        }
    }

    private void word(Token token) {
        String text = token.text();
        if (redirectTargetNext) {
            redirectTargetNext = false;
            add(token, Word.Role.REDIRECT_TARGET, "", 0);
            return;
        }
        switch (state) {
            case COMMAND -> commandPosition(token, text);
            case FOR_NAME -> {
                add(token, Word.Role.ARGUMENT, "for", 1);
                state = State.FOR_IN;
            }
            case FOR_IN -> {
                if (text.equals("in")) {
                    add(token, Word.Role.KEYWORD, "", 0);
                    state = State.FOR_WORDS;
                    command = "for";
                    index = 1;
                } else if (text.equals("do")) {
                    add(token, Word.Role.KEYWORD, "", 0);
                    state = State.COMMAND;
                } else {
                    add(token, Word.Role.ARGUMENT, "for", 2);
                }
            }
            case CASE_SUBJECT -> {
                add(token, Word.Role.ARGUMENT, "case", 1);
                state = State.CASE_IN;
            }
            case CASE_IN -> {
                add(token, text.equals("in") ? Word.Role.KEYWORD : Word.Role.ARGUMENT, "", 0);
                state = State.CASE_PATTERNS;
            }
            case CASE_PATTERNS -> {
                if (text.equals("esac")) {
                    add(token, Word.Role.KEYWORD, "", 0);
                    caseDepth = Math.max(0, caseDepth - 1);
                    state = State.ARGUMENTS;
                    command = "";
                } else {
                    add(token, Word.Role.ARGUMENT, "case", 2);
                }
            }
            case FOR_WORDS, ARGUMENTS -> add(token, Word.Role.ARGUMENT, command, ++index);
        }
    }

    private void commandPosition(Token token, String text) {
        if (KEYWORDS.contains(text) && !text.equals("in")) {
            add(token, Word.Role.KEYWORD, "", 0);
            if (text.equals("for")) state = State.FOR_NAME;
            else if (text.equals("case")) {
                caseDepth++;
                state = State.CASE_SUBJECT;
            } else if (text.equals("esac")) {
                caseDepth = Math.max(0, caseDepth - 1);
                state = State.ARGUMENTS;
            } else if (CLOSING.contains(text)) {
                state = State.ARGUMENTS;
                command = "";
            } else if (text.equals("function") || text.equals("[[")) {
                state = State.ARGUMENTS; // a function's name, a condition's operands: no command
                command = text;
            }
            return;
        }
        if (Words.isAssignment(text)) {
            add(token, Word.Role.ASSIGNMENT, "", 0);
            return;
        }
        add(token, Word.Role.COMMAND, "", 0);
        command = Words.unquote(text);
        index = 0;
        state = State.ARGUMENTS;
    }

    private void add(Token token, Word.Role role, String commandName, int argumentIndex) {
        words.add(new Word(token, role, commandName, argumentIndex));
    }

    /** Whether {@code keyword} opens a place where a command starts (for highlighting and completion). */
    public static boolean opensCommand(String keyword) {
        return OPENING.contains(keyword);
    }
}
