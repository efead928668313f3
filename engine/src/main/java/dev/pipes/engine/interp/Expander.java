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

        /** {@code <( )} / {@code >( )}: starts the script on a FIFO and returns the FIFO's path. */
        default String processSubstitution(Script script, boolean output) {
            throw new ShellError("process substitution is not available here");
        }
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
        List<Word> braced = new ArrayList<>(words.size());
        for (Word word : words) braced.addAll(BraceExpansion.expand(word));
        for (Word word : braced) {
            List<Piece> pieces = new ArrayList<>();
            expandParts(word.parts(), false, pieces);
            for (String field : FieldSplitter.split(pieces, state.variables.get("IFS"))) {
                if (!state.has(Options.Option.NOGLOB) && ShPattern.hasWildcards(field)) {
                    Options options = state.options;
                    List<String> matches = PathnameExpander.expand(field, state.cwd, new PathnameExpander.Settings(
                            options.has(Options.Shopt.DOTGLOB), options.has(Options.Shopt.GLOBSTAR)));
                    if (!matches.isEmpty()) {
                        out.addAll(matches);
                        continue;
                    }
                    if (options.has(Options.Shopt.FAILGLOB)) throw new LineAbortError("no match: " + ShPattern.unescape(field));
                    if (options.has(Options.Shopt.NULLGLOB)) continue;
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
        boolean several = assignments.size() > 1;
        if (several) state.variables.pushScope();
        try {
            for (Assignment a : assignments) {
                String name = assignmentName(a.name());
                String value = a.value().parts().size() == 1 && a.value().parts().get(0) instanceof WordPart.ArrayLiteral array
                        ? ArrayAssignments.encode(arrayElements(array, Subscripts.split(name.replace("+", "")).base()))
                        : string(a.value());
                values.put(name, value);
                if (several && ParameterExpansion.isName(name) && !ArrayAssignments.isArray(value)) {
                    state.variables.setTemporary(name, value);
                }
            }
        } finally {
            if (several) state.variables.popScope();
        }
        return values;
    }

    /** An assignment's name with its subscript expanded to the key it names ({@code a[i+1]} to {@code a[3]}). */
    private String assignmentName(String name) {
        boolean append = name.endsWith("+");
        String bare = append ? name.substring(0, name.length() - 1) : name;
        Subscripts.Name split = Subscripts.split(bare);
        if (split.subscript() == null) return name;
        return split.base() + "[" + Subscripts.key(state, this, split.base(), split.subscript()) + "]" + (append ? "+" : "");
    }

    /** The elements of {@code (...)}: each word expanded to fields, a {@code [key]=value} element to one keyed entry. */
    List<String> arrayElements(WordPart.ArrayLiteral array, String target) {
        List<String> elements = new ArrayList<>();
        for (Word element : array.elements()) {
            List<WordPart> parts = element.parts();
            int close = -1;
            if (!parts.isEmpty() && parts.get(0) instanceof WordPart.Glob glob && glob.character() == '[') {
                for (int j = 1; j < parts.size() && close < 0; j++) {
                    if (parts.get(j) instanceof WordPart.Literal l && l.text().contains("]=")) close = j;
                }
            }
            if (close < 0) {
                elements.addAll(fields(List.of(element)));
                continue;
            }
            WordPart.Literal literal = (WordPart.Literal) parts.get(close);
            int at = literal.text().indexOf("]=");
            List<WordPart> keyParts = new ArrayList<>(parts.subList(1, close));
            if (at > 0) keyParts.add(new WordPart.Literal(literal.text().substring(0, at), literal.span()));
            List<WordPart> valueParts = new ArrayList<>();
            if (at + 2 < literal.text().length()) valueParts.add(new WordPart.Literal(literal.text().substring(at + 2), literal.span()));
            valueParts.addAll(parts.subList(close + 1, parts.size()));
            String key = string(new Word(keyParts, element.span()));
            ShellArray existing = target == null ? null : state.variables.array(target);
            if (target != null && (existing == null || !existing.isAssociative())) key = Long.toString(evaluateArithmetic(key, null));
            elements.add(ArrayAssignments.keyed(key, string(new Word(valueParts, element.span()))));
        }
        return elements;
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
                boolean hasAt = dq.parts().stream().anyMatch(p -> p instanceof WordPart.Parameter param
                        && (param.name().equals("@") || param.name().endsWith("[@]")));
                if (!hasAt) out.add(Piece.quoted(""));
                expandParts(dq.parts(), true, out);
            }
            case WordPart.ArrayLiteral array -> {
                // an argument of declare, local...: handed over as text they parse again, quoted
                StringBuilder text = new StringBuilder("(");
                for (String element : arrayElements(array, null)) {
                    if (text.length() > 1) text.append(' ');
                    if (!element.isEmpty() && element.charAt(0) == ArrayAssignments.KEYED) {
                        int end = element.indexOf(ArrayAssignments.KEY_END);
                        text.append('[').append(Quoting.quote(element.substring(1, end))).append("]=")
                                .append(Quoting.quote(element.substring(end + 1)));
                    } else {
                        text.append(Quoting.quote(element));
                    }
                }
                out.add(Piece.quoted(text.append(')').toString()));
            }
            case WordPart.ExtGlob glob -> out.add(quoted ? Piece.quoted(glob.text()) : Piece.literal(glob.text()));
            case WordPart.Glob glob -> out.add(quoted ? Piece.quoted(String.valueOf(glob.character()))
                    : Piece.literal(String.valueOf(glob.character())));
            case WordPart.Tilde tilde -> out.add(Piece.quoted(tilde(tilde.user())));
            case WordPart.Arithmetic arithmetic -> out.add(result(Long.toString(arithmetic(arithmetic)), quoted));
            case WordPart.CommandSubstitution substitution -> out.add(result(commandSubstitution(substitution.script()), quoted));
            case WordPart.ProcessSubstitution substitution ->
                out.add(result(runner.processSubstitution(substitution.script(), substitution.output()), quoted));
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
