package dev.pipes.engine.interp;

import dev.pipes.engine.pattern.FieldSplitter.Piece;
import dev.pipes.engine.pattern.ShPattern;
import dev.pipes.grammar.ast.ParameterOp;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;

/** One {@code $name} / {@code ${name op word}} expansion, with sh's rules for {@code $@}, {@code $*} and set -u. */
final class ParameterExpansion {
    private final Expander expander;
    private final ShellState state;
    private final WordPart.Parameter parameter;
    private final boolean quoted;
    private final String name;

    /** The array or list a name with {@code [@]}/{@code [*]} (or {@code $@}, or {@code ${!a[@]}}) stands for; null for a scalar. */
    private final List<String> list;
    /** {@code $*} or {@code [*]}: joined into one field when quoted. */
    private final boolean star;
    private final Subscripts.Name split;

    ParameterExpansion(Expander expander, ShellState state, WordPart.Parameter parameter, boolean quoted) {
        this.expander = expander;
        this.state = state;
        this.parameter = parameter;
        this.quoted = quoted;
        String raw = parameter.name();
        List<String> keys = null;
        if (parameter.op() == ParameterOp.NAMES_WITH_PREFIX) {
            // ${!prefix*}: the names of the set variables that start with prefix, as a list
            String prefix = raw.substring(0, raw.length() - 1);
            keys = new ArrayList<>();
            for (var e : state.variables.visible().entrySet()) {
                if (e.getKey().startsWith(prefix) && (e.getValue().value() != null || e.getValue().array() != null)) keys.add(e.getKey());
            }
            raw = raw.endsWith("*") ? "*" : "@";
        } else if (raw.length() > 1 && raw.charAt(0) == '!') {
            String inner = raw.substring(1);
            Subscripts.Name innerSplit = Subscripts.split(inner);
            if (innerSplit.isList()) {
                ShellArray array = state.variables.array(innerSplit.base());
                keys = array != null ? array.keys() : state.variables.get(innerSplit.base()) != null ? List.of("0") : List.of();
                raw = inner;
            } else {
                // ${!name}: the parameter named by name's value
                String target = new ParameterExpansion(expander, state,
                        new WordPart.Parameter(inner, ParameterOp.PLAIN, parameter.argument(), parameter.span()), true).scalar();
                if (target == null || target.isEmpty()) throw new LineAbortError(inner + ": invalid indirect expansion");
                raw = target;
            }
        }
        this.name = raw;
        this.split = Subscripts.split(raw);
        this.star = raw.equals("*") || "*".equals(split.subscript());
        if (keys != null) this.list = keys;
        else if (parameter.op() == ParameterOp.NAMES_WITH_PREFIX) this.list = List.of();
        else if (raw.equals("@") || raw.equals("*")) this.list = state.positional;
        else if (split.isList()) {
            ShellArray array = array(split.base());
            String scalar = state.variables.get(split.base());
            this.list = array != null ? array.values() : scalar != null ? List.of(scalar) : List.of();
        } else this.list = null;
    }

    void expand(List<Piece> out) {
        boolean isList = list != null;
        String value = isList ? String.join(separator(), list) : scalar();
        boolean set = isList ? !list.isEmpty() : value != null;
        boolean nonEmpty = set && !value.isEmpty();
        ParameterOp op = parameter.op();
        switch (op) {
            case PLAIN, NAMES_WITH_PREFIX -> {
                if (!set && !isList) checkNounset();
                emitValue(out);
            }
            case LENGTH -> {
                if (!set && !isList) checkNounset();
                // characters under a UTF-8 locale, bytes under C, as bash counts
                long length = isList ? list.size() : value == null ? 0
                        : dev.pipes.grammar.text.ShellBytes.length(value,
                                dev.pipes.grammar.text.ShellBytes.utf8Locale(state.variables::get));
                out.add(result(Long.toString(length)));
            }
            case DEFAULT_IF_UNSET_OR_EMPTY, DEFAULT_IF_UNSET -> {
                boolean useDefault = op == ParameterOp.DEFAULT_IF_UNSET_OR_EMPTY ? !nonEmpty : !set;
                if (useDefault) out.addAll(expander.argumentPieces(parameter.argument(), quoted));
                else emitValue(out);
            }
            case ASSIGN_IF_UNSET_OR_EMPTY, ASSIGN_IF_UNSET -> {
                boolean assign = op == ParameterOp.ASSIGN_IF_UNSET_OR_EMPTY ? !nonEmpty : !set;
                if (assign) {
                    if (isList || !isName(split.base())) throw new LineAbortError("$" + name + ": cannot assign in this way");
                    String assigned = expander.string(parameter.argument());
                    if (split.subscript() != null) {
                        state.variables.setElement(split.base(), Subscripts.key(state, expander, split.base(), split.subscript()), assigned);
                    } else {
                        state.variables.set(name, assigned);
                    }
                    out.add(result(assigned));
                } else {
                    emitValue(out);
                }
            }
            case ERROR_IF_UNSET_OR_EMPTY, ERROR_IF_UNSET -> {
                boolean fail = op == ParameterOp.ERROR_IF_UNSET_OR_EMPTY ? !nonEmpty : !set;
                if (fail) {
                    String message = expander.string(parameter.argument());
                    if (message.isEmpty()) message = op == ParameterOp.ERROR_IF_UNSET ? "parameter not set" : "parameter null or not set";
                    throw new FatalShellError(name + ": " + message);
                }
                emitValue(out);
            }
            case ALTERNATIVE_IF_SET_AND_NOT_EMPTY, ALTERNATIVE_IF_SET -> {
                boolean alternative = op == ParameterOp.ALTERNATIVE_IF_SET_AND_NOT_EMPTY ? nonEmpty : set;
                if (alternative) out.addAll(expander.argumentPieces(parameter.argument(), quoted));
                else if (quoted) out.add(Piece.quoted(""));
            }
            case REMOVE_SHORTEST_PREFIX, REMOVE_LONGEST_PREFIX, REMOVE_SHORTEST_SUFFIX, REMOVE_LONGEST_SUFFIX -> {
                if (!set && !isList) checkNounset();
                String pattern = expander.pattern(parameter.argument());
                ShPattern.Trim trim = switch (op) {
                    case REMOVE_SHORTEST_PREFIX -> ShPattern.Trim.SHORTEST_PREFIX;
                    case REMOVE_LONGEST_PREFIX -> ShPattern.Trim.LONGEST_PREFIX;
                    case REMOVE_SHORTEST_SUFFIX -> ShPattern.Trim.SHORTEST_SUFFIX;
                    default -> ShPattern.Trim.LONGEST_SUFFIX;
                };
                each(isList, value, out, v -> ShPattern.trim(v, pattern, trim));
            }
            case REPLACE_FIRST, REPLACE_ALL, REPLACE_PREFIX, REPLACE_SUFFIX -> {
                if (!set && !isList) checkNounset();
                Word[] halves = splitArgument('/');
                String pattern = expander.pattern(halves[0]);
                String replacement = halves[1] == null ? "" : expander.string(halves[1]);
                each(isList, value, out, v -> Substitution.replace(v, pattern, replacement, op));
            }
            case SUBSTRING -> {
                if (!set && !isList) checkNounset();
                Word[] halves = splitArgument(':');
                long offset = expander.evaluateArithmetic(expander.string(halves[0]), null);
                Long length = halves[1] == null ? null : expander.evaluateArithmetic(expander.string(halves[1]), null);
                if (isList) {
                    List<String> values = name.equals("@") || name.equals("*") ? withArg0() : list;
                    emitList(Substitution.slice(values, offset, length, name), out);
                } else {
                    out.add(result(Substitution.substring(value == null ? "" : value, offset, length)));
                }
            }
            case TRANSFORM -> {
                String letter = expander.string(parameter.argument());
                if (!set && !isList) {
                    if (letter.equals("a")) out.add(result(attributes()));
                    else if (quoted) out.add(Piece.quoted(""));
                    break;
                }
                each(isList, value, out, v -> transform(letter, v));
            }
            case UPPER_ALL, UPPER_FIRST, LOWER_ALL, LOWER_FIRST -> {
                String pattern = expander.pattern(parameter.argument());
                each(isList, value, out, v -> Substitution.changeCase(v, op, pattern));
            }
        }
    }

    /** {@code ${x@L}}: Q quoted for reuse, E backslash escapes expanded, U u L case, a the attributes. */
    private String transform(String letter, String v) {
        return switch (letter) {
            case "Q" -> Quoting.quoteAlways(v);
            case "E" -> dev.pipes.grammar.antlr.AnsiC.decode(v);
            case "U" -> v.toUpperCase(java.util.Locale.ROOT);
            case "L" -> v.toLowerCase(java.util.Locale.ROOT);
            case "u" -> v.isEmpty() ? v : v.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + v.substring(1);
            case "a" -> attributes();
            default -> throw new LineAbortError("${" + name + "@" + letter + "}: bad substitution");
        };
    }

    private String attributes() {
        Variables.Var var = state.variables.lookup(split.base());
        if (var == null) return "";
        StringBuilder flags = new StringBuilder();
        if (var.array() != null) flags.append(var.array().isAssociative() ? 'A' : 'a');
        if (var.integer()) flags.append('i');
        if (var.readonly()) flags.append('r');
        if (var.exported()) flags.append('x');
        return flags.toString();
    }

    private List<String> withArg0() {
        List<String> all = new ArrayList<>();
        all.add(state.arg0);
        all.addAll(state.positional);
        return all;
    }

    /** Applies {@code f} to the value, or to each element of a list. */
    private void each(boolean isList, String value, List<Piece> out, java.util.function.UnaryOperator<String> f) {
        if (isList) {
            List<String> changed = new ArrayList<>();
            for (String v : list) changed.add(f.apply(v));
            emitList(changed, out);
        } else {
            out.add(result(f.apply(value == null ? "" : value)));
        }
    }

    /** The argument word cut at its first unquoted {@code separator}: {pattern, replacement} or {offset, length}. */
    private Word[] splitArgument(char separator) {
        List<WordPart> parts = parameter.argument().parts();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof WordPart.Literal literal && literal.text().indexOf(separator) >= 0) {
                int at = literal.text().indexOf(separator);
                List<WordPart> first = new ArrayList<>(parts.subList(0, i));
                if (at > 0) first.add(new WordPart.Literal(literal.text().substring(0, at), literal.span()));
                List<WordPart> second = new ArrayList<>();
                if (at + 1 < literal.text().length()) second.add(new WordPart.Literal(literal.text().substring(at + 1), literal.span()));
                second.addAll(parts.subList(i + 1, parts.size()));
                return new Word[] {new Word(first, parameter.argument().span()), new Word(second, parameter.argument().span())};
            }
        }
        return new Word[] {parameter.argument(), null};
    }

    private void emitValue(List<Piece> out) {
        if (list != null) emitList(list, out);
        else {
            String value = scalar();
            out.add(result(value == null ? "" : value));
        }
    }

    /** "$@": one field per parameter; "$*": one field joined by IFS's first character; unquoted: each split. */
    private void emitList(List<String> values, List<Piece> out) {
        if (quoted && star) {
            out.add(Piece.quoted(String.join(separator(), values)));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.add(quoted ? Piece.BREAK : Piece.SOFT_BREAK);
            out.add(result(values.get(i)));
        }
    }

    private String separator() {
        String ifs = state.variables.get("IFS");
        if (ifs == null) return " ";
        return ifs.isEmpty() ? "" : ifs.substring(0, 1);
    }

    private Piece result(String text) {
        return quoted ? Piece.quoted(text) : Piece.expansion(text);
    }

    private void checkNounset() {
        if (!state.has(Options.Option.NOUNSET)) return;
        boolean positional = Character.isDigit(name.charAt(0));
        throw new FatalShellError((positional ? "$" : "") + name + ": unbound variable");
    }

    /** The value of a scalar parameter, or {@code null} when it is unset. */
    private String scalar() {
        if (split.subscript() != null) {
            ShellArray array = array(split.base());
            String key = Subscripts.key(state, expander, split.base(), split.subscript());
            if (array != null) return array.get(key);
            return key.equals("0") ? state.variables.get(split.base()) : null;
        }
        return switch (name) {
            case "?" -> Integer.toString(state.lastStatus);
            case "$" -> Long.toString(state.shellPid);
            case "!" -> state.lastBackgroundPid.isEmpty() ? null : state.lastBackgroundPid;
            case "#" -> Integer.toString(state.positional.size());
            case "-" -> state.options.letters();
            case "0" -> state.arg0;
            default -> {
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    int index = Integer.parseInt(name);
                    yield index >= 1 && index <= state.positional.size() ? state.positional.get(index - 1) : null;
                }
                if (name.equals("LINENO")) yield Integer.toString(state.currentLine);
                if (name.equals("RANDOM")) {
                    Variables.Var seed = state.variables.lookup(name);
                    if (seed != null && !seed.readonly()) {
                        // RANDOM=N seeds the generator (the sequence is pipesh's own, not bash's)
                        try {
                            state.random = new java.util.Random(Long.parseLong(seed.value().strip()));
                        } catch (NumberFormatException | NullPointerException e) {
                            state.random = new java.util.Random();
                        }
                        state.variables.unset(name);
                    }
                    if (seed == null || !seed.readonly()) yield Integer.toString(state.random.nextInt(32768));
                }
                if (name.equals("SECONDS")) {
                    Variables.Var assigned = state.variables.lookup(name);
                    if (assigned != null && !assigned.readonly()) {
                        long from;
                        try {
                            from = Long.parseLong(assigned.value().strip());
                        } catch (NumberFormatException | NullPointerException e) {
                            from = 0;
                        }
                        state.secondsBase = System.nanoTime() - from * 1_000_000_000L; // SECONDS=N counts on from N
                        state.variables.unset(name);
                    }
                    if (assigned == null || !assigned.readonly()) {
                        yield Long.toString((System.nanoTime() - state.secondsBase) / 1_000_000_000L);
                    }
                }
                if (name.equals("BASHPID")) yield Long.toString(state.shellPid);
                if ((name.equals("FUNCNAME") || name.equals("BASH_SOURCE")) && state.variables.lookup(name) == null) {
                    yield array(name).first();
                }
                yield state.variables.get(name);
            }
        };
    }

    /** The array named {@code base}; {@code BASH_SOURCE} (bash) is made up from the file being run. */
    private ShellArray array(String base) {
        ShellArray array = state.variables.array(base);
        if (array == null && base.equals("FUNCNAME") && state.variables.lookup(base) == null) {
            if (state.callStack.isEmpty()) return ShellArray.indexed(List.of());
            List<String> names = new ArrayList<>(state.callStack);
            if (runningFile()) names.add("main"); // as bash: the script itself is "main", -c text is not
            return ShellArray.indexed(names);
        }
        if (array == null && base.equals("BASH_SOURCE") && state.variables.lookup(base) == null) {
            return ShellArray.indexed(runningFile() ? List.of(state.sourceName) : List.of());
        }
        return array;
    }

    private boolean runningFile() {
        String source = state.sourceName;
        return source != null && !source.equals("-c") && !source.equals("stdin") && !source.equals("pipesh");
    }

    static boolean isName(String text) {
        if (text.isEmpty() || !(Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')) return false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}
