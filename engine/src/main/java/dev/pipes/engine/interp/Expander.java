package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.Assignment;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.pipes.engine.arith.Arithmetic;
import dev.pipes.engine.arith.ArithmeticError;
import dev.pipes.engine.arith.ArithmeticVariables;
import dev.pipes.engine.pattern.FieldSplitter;
import dev.pipes.engine.pattern.FieldSplitter.Kind;
import dev.pipes.engine.pattern.FieldSplitter.Piece;
import dev.pipes.engine.pattern.PathnameExpander;
import dev.pipes.engine.pattern.ShPattern;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Word expansion in the order of POSIX 2.6: tilde, parameter, arithmetic and command substitution
 * (left to right), then field splitting of unquoted expansion results on IFS, pathname expansion of
 * fields with unquoted wildcards, and quote removal. Expanded text travels as {@link Piece}s that
 * remember their quoting until the last step.
 */
public final class Expander {
    /** Runs the script of a {@code $( )} and returns what it wrote to standard output. */
    public interface CommandRunner {
        String capture(Script script);
    }

    private final ShellState state;
    private final CommandRunner runner;

    public Expander(ShellState state, CommandRunner runner) {
        this.state = state;
        this.runner = runner;
    }

    /** Full expansion of command words: zero or more fields per word. */
    public List<String> fields(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word word : words) {
            List<Piece> pieces = new ArrayList<>();
            expandParts(word.parts(), false, pieces);
            for (String field : FieldSplitter.split(pieces, state.variables.get("IFS"))) {
                if (!state.has(Options.Option.NOGLOB) && ShPattern.hasWildcards(field)) {
                    List<String> matches = PathnameExpander.expand(field, state.cwd);
                    if (!matches.isEmpty()) {
                        out.addAll(matches);
                        continue;
                    }
                }
                out.add(ShPattern.unescape(field));
            }
        }
        return out;
    }

    /**
     * The values of a command's assignments, expanded left to right: each one sees those before it
     * ({@code a=1 b=$a} gives b 1), through a scope that lives only while they are expanded.
     */
    public Map<String, String> assignments(List<Assignment> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        if (assignments.size() <= 1) {
            for (Assignment a : assignments) values.put(a.name(), string(a.value()));
            return values;
        }
        state.variables.pushScope();
        try {
            for (Assignment a : assignments) {
                String value = string(a.value());
                values.put(a.name(), value);
                state.variables.setTemporary(a.name(), value);
            }
        } finally {
            state.variables.popScope();
        }
        return values;
    }

    /** One string, without field splitting or globbing (assignments, redirection targets, case subjects). */
    public String string(Word word) {
        return ShPattern.unescape(pattern(word));
    }

    /** A pattern: quoted characters escaped, unquoted wildcards active ({@code case}, {@code ${x#p}}). */
    public String pattern(Word word) {
        List<Piece> pieces = new ArrayList<>();
        expandParts(word.parts(), false, pieces);
        return FieldSplitter.join(pieces);
    }

    /** A here-document body: expanded as if double-quoted. */
    public String hereDocument(Word body) {
        List<Piece> pieces = new ArrayList<>();
        expandParts(body.parts(), true, pieces);
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) out.append(piece.kind() == Kind.BREAK ? " " : piece.text());
        return out.toString();
    }

    private void expandParts(List<WordPart> parts, boolean quoted, List<Piece> out) {
        for (WordPart part : parts) expandPart(part, quoted, out);
    }

    private void expandPart(WordPart part, boolean quoted, List<Piece> out) {
        switch (part) {
            case WordPart.Literal literal -> out.add(quoted ? Piece.quoted(literal.text()) : Piece.literal(literal.text()));
            case WordPart.SingleQuoted single -> out.add(Piece.quoted(single.text()));
            case WordPart.Escaped escaped -> out.add(Piece.quoted(escaped.text()));
            case WordPart.DoubleQuoted dq -> {
                // "" is an empty field, but "$@" with no parameters is no field at all
                boolean hasAt = dq.parts().stream().anyMatch(p -> p instanceof WordPart.Parameter param && param.name().equals("@"));
                if (!hasAt) out.add(Piece.quoted(""));
                expandParts(dq.parts(), true, out);
            }
            case WordPart.Glob glob -> out.add(quoted ? Piece.quoted(String.valueOf(glob.character()))
                    : Piece.literal(String.valueOf(glob.character())));
            case WordPart.Tilde tilde -> out.add(Piece.quoted(tilde(tilde.user())));
            case WordPart.Arithmetic arithmetic -> out.add(result(Long.toString(arithmetic(arithmetic)), quoted));
            case WordPart.CommandSubstitution substitution -> out.add(result(commandSubstitution(substitution.script()), quoted));
            case WordPart.Parameter parameter -> {
                try {
                    new ParameterExpansion(this, state, parameter, quoted).expand(out);
                } catch (ShellError e) {
                    throw e.at(parameter.span());
                }
            }
        }
    }

    /** The pieces of an operator's argument word, in the parameter's quoting context (see ParameterExpansion). */
    List<Piece> argumentPieces(Word argument, boolean quoted) {
        List<Piece> pieces = new ArrayList<>();
        expandParts(argument.parts(), quoted, pieces);
        if (quoted) return pieces;
        // unquoted ${x:-a b}: the argument's own literal text is split too, as in every sh
        List<Piece> split = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) split.add(piece.kind() == Kind.LITERAL ? Piece.expansion(piece.text()) : piece);
        return split;
    }

    private static Piece result(String text, boolean quoted) {
        return quoted ? Piece.quoted(text) : Piece.expansion(text);
    }

    private String tilde(String user) {
        if (user.isEmpty()) {
            String home = state.variables.get("HOME");
            return home == null ? System.getProperty("user.home") : home;
        }
        String home = Passwd.homeOf(user);
        return home == null ? "~" + user : home;
    }

    long arithmetic(WordPart.Arithmetic arithmetic) {
        return evaluateArithmetic(string(arithmetic.expression()), arithmetic);
    }

    /** Evaluates arithmetic text; an error is fatal to a non-interactive shell, as in sh. */
    public long evaluateArithmetic(String text, WordPart where) {
        try {
            return Arithmetic.evaluate(text, new ArithmeticVariables() {
                @Override
                public String get(String name) {
                    String value = state.variables.get(name);
                    if (value == null && state.has(Options.Option.NOUNSET)) {
                        throw new FatalShellError(name + ": unbound variable");
                    }
                    return value;
                }

                @Override
                public void set(String name, String value) {
                    state.variables.set(name, value);
                }
            });
        } catch (ArithmeticError e) {
            throw new LineAbortError(e.getMessage(), where == null ? null : where.span());
        }
    }

    private String commandSubstitution(Script script) {
        String output = runner.capture(script);
        int end = output.length();
        while (end > 0 && output.charAt(end - 1) == '\n') end--;
        return output.substring(0, end);
    }
}
