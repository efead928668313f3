package dev.pipes.engine.interp;

import dev.pipes.engine.pattern.FieldSplitter.Piece;
import dev.pipes.engine.pattern.ShPattern;
import dev.pipes.grammar.ast.ParameterOp;
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

    ParameterExpansion(Expander expander, ShellState state, WordPart.Parameter parameter, boolean quoted) {
        this.expander = expander;
        this.state = state;
        this.parameter = parameter;
        this.quoted = quoted;
        this.name = parameter.name();
    }

    void expand(List<Piece> out) {
        boolean list = name.equals("@") || name.equals("*");
        String value = list ? joinedPositional() : scalar();
        boolean set = list ? !state.positional.isEmpty() : value != null;
        boolean nonEmpty = set && !value.isEmpty();
        ParameterOp op = parameter.op();
        switch (op) {
            case PLAIN -> {
                if (!set && !list) checkNounset();
                emitValue(out);
            }
            case LENGTH -> {
                if (!set && !list) checkNounset();
                // characters under a UTF-8 locale, bytes under C, as bash counts
                long length = list ? state.positional.size() : value == null ? 0
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
                    if (list || !isName(name)) throw new LineAbortError("$" + name + ": cannot assign in this way");
                    String assigned = expander.string(parameter.argument());
                    state.variables.set(name, assigned);
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
                if (!set && !list) checkNounset();
                String pattern = expander.pattern(parameter.argument());
                ShPattern.Trim trim = switch (op) {
                    case REMOVE_SHORTEST_PREFIX -> ShPattern.Trim.SHORTEST_PREFIX;
                    case REMOVE_LONGEST_PREFIX -> ShPattern.Trim.LONGEST_PREFIX;
                    case REMOVE_SHORTEST_SUFFIX -> ShPattern.Trim.SHORTEST_SUFFIX;
                    default -> ShPattern.Trim.LONGEST_SUFFIX;
                };
                if (list) {
                    List<String> trimmed = new ArrayList<>();
                    for (String p : state.positional) trimmed.add(ShPattern.trim(p, pattern, trim));
                    emitList(trimmed, out);
                } else {
                    out.add(result(ShPattern.trim(value == null ? "" : value, pattern, trim)));
                }
            }
        }
    }

    private void emitValue(List<Piece> out) {
        if (name.equals("@") || name.equals("*")) emitList(state.positional, out);
        else {
            String value = scalar();
            out.add(result(value == null ? "" : value));
        }
    }

    /** "$@": one field per parameter; "$*": one field joined by IFS's first character; unquoted: each split. */
    private void emitList(List<String> values, List<Piece> out) {
        if (quoted && name.equals("*")) {
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

    private String joinedPositional() {
        return String.join(separator(), state.positional);
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
                if (name.equals("RANDOM") && state.variables.lookup(name) == null) {
                    yield Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(32768));
                }
                if (name.equals("SECONDS") && state.variables.lookup(name) == null) {
                    yield Long.toString((System.nanoTime() - state.startNanos) / 1_000_000_000L);
                }
                if (name.equals("PIPESTATUS")) {
                    yield String.join(" ", state.pipeStatus.stream().map(String::valueOf).toList());
                }
                yield state.variables.get(name);
            }
        };
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
