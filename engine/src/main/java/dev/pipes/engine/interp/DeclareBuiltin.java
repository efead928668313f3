package dev.pipes.engine.interp;

import dev.pipes.grammar.Parser;
import dev.pipes.grammar.SyntaxError;
import dev.pipes.grammar.ast.Assignment;
import dev.pipes.grammar.ast.FunctionDefinition;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.WordPart;
import java.util.List;
import java.util.Map;

/**
 * {@code declare}/{@code typeset} and {@code local} (bash): attributes {@code -a -A -i -r -x} (and
 * {@code +} to remove {@code -i -x}), {@code -g} for a global from a function, {@code -p} to print
 * declarations, {@code -f}/{@code -F} for functions; {@code NAME=(...)} assigns an array.
 */
final class DeclareBuiltin {
    private DeclareBuiltin() {}

    static void register(Builtins b) {
        String usage = "[-aAfFgilrxp] [NAME[=VALUE]...]";
        b.add(new Builtin("declare", "declare " + usage, "set variables' values and attributes; -p print them",
                (ctx, args) -> run(ctx, args, false)));
        b.add(new Builtin("typeset", "typeset " + usage, "set variables' values and attributes (as declare)",
                (ctx, args) -> run(ctx, args, false)));
        b.add(new Builtin("local", "local [-aAirx] [NAME[=VALUE]...]", "declare variables local to the current function",
                (ctx, args) -> run(ctx, args, true)));
    }

    static int run(BuiltinContext ctx, List<String> args, boolean local) {
        String name0 = args.get(0);
        if (local && ctx.state.functionDepth == 0) return ctx.fail(name0, "can only be used in a function");
        boolean print = false;
        boolean functions = false;
        boolean functionNames = false;
        boolean global = false;
        Boolean indexed = null;
        Boolean associative = null;
        Boolean integer = null;
        Boolean readonly = null;
        Boolean exported = null;
        boolean nameref = false;
        int i = 1;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.length() < 2 || (arg.charAt(0) != '-' && arg.charAt(0) != '+')) break;
            boolean on = arg.charAt(0) == '-';
            for (char c : arg.substring(1).toCharArray()) {
                switch (c) {
                    case 'p' -> print = true;
                    case 'f' -> functions = true;
                    case 'F' -> functionNames = true;
                    case 'g' -> global = true;
                    case 'a' -> indexed = on;
                    case 'A' -> associative = on;
                    case 'i' -> integer = on;
                    case 'r' -> readonly = on ? Boolean.TRUE : null;
                    case 'x' -> exported = on;
                    case 'n' -> nameref = on;
                    case 'l', 'u', 't' -> { } // case conversion, trace: not supported, accepted
                    default -> {
                        return ctx.usage(ctx.interpreter.builtins().get(name0), arg + ": invalid option");
                    }
                }
            }
        }
        List<String> names = args.subList(i, args.size());
        if (functions || functionNames) return printFunctions(ctx, names, functionNames);
        boolean anyAttribute = indexed != null || associative != null || integer != null || readonly != null || exported != null;
        if (names.isEmpty()) {
            for (Map.Entry<String, Variables.Var> e : ctx.state.variables.visible().entrySet()) {
                Variables.Var var = e.getValue();
                if (anyAttribute && !(Boolean.TRUE.equals(exported) && var.exported() || Boolean.TRUE.equals(readonly) && var.readonly()
                        || Boolean.TRUE.equals(integer) && var.integer() || Boolean.TRUE.equals(indexed) && isIndexed(var)
                        || Boolean.TRUE.equals(associative) && isAssociative(var))) {
                    continue;
                }
                if (print || anyAttribute) ctx.println(declaration(e.getKey(), var));
                else if (var.value() != null || var.array() != null) ctx.println(e.getKey() + "=" + Quoting.quote(var.value() == null ? "" : var.value()));
            }
            return 0;
        }
        int status = 0;
        for (String arg : names) {
            int eq = arg.indexOf('=');
            String left = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            String bare = left.endsWith("+") ? left.substring(0, left.length() - 1) : left;
            Subscripts.Name split = Subscripts.split(bare);
            if (!ParameterExpansion.isName(split.base())) {
                status = ctx.fail(name0, "`" + arg + "': not a valid identifier");
                continue;
            }
            String name = split.base();
            if (print) {
                Variables.Var var = ctx.state.variables.rawLookup(name);
                if (var == null) status = ctx.fail(name0, name + ": not found");
                else ctx.println(declaration(name, var));
                continue;
            }
            try {
                Variables variables = ctx.state.variables;
                boolean makeLocal = (local || ctx.state.functionDepth > 0) && !global;
                if (makeLocal && !variables.isLocal(name)) variables.declareLocal(name, null);
                if (nameref) {
                    // declare -n NAME=TARGET: NAME stands for the variable TARGET from now on
                    if (value != null && !ParameterExpansion.isName(Subscripts.split(value).base())) {
                        status = ctx.fail(name0, value + ": invalid variable name for name reference");
                        continue;
                    }
                    variables.makeNameref(name, value == null ? "" : value);
                    continue;
                }
                if (Boolean.TRUE.equals(associative)) variables.declareAssociative(name);
                else if (Boolean.TRUE.equals(indexed)) variables.declareIndexed(name);
                if (integer != null) variables.setAttributes(name, null, null, integer);
                if (value != null) assign(ctx, left, value);
                if (exported != null) variables.setAttributes(name, exported, null, null);
                if (readonly != null) variables.setAttributes(name, null, true, null);
            } catch (ShellError e) {
                status = ctx.fail(name0, e.getMessage());
            }
        }
        return status;
    }

    /** NAME=VALUE, NAME+=VALUE, NAME[K]=VALUE or NAME=(...), the array text parsed again as bash does. */
    private static void assign(BuiltinContext ctx, String left, String value) {
        Expander expander = ctx.interpreter.expander();
        String base = Subscripts.split(left.replace("+", "")).base();
        if (value.startsWith("(") && value.endsWith(")")) {
            try {
                var script = Parser.parse(left + "=" + value, "declare");
                SimpleCommand command = (SimpleCommand) script.commands().items().get(0).command().first().commands().get(0);
                Assignment assignment = command.assignments().get(0);
                if (assignment.value().parts().get(0) instanceof WordPart.ArrayLiteral array) {
                    ArrayAssignments.apply(ctx.state.variables, left, ArrayAssignments.encode(expander.arrayElements(array, base)), false);
                    return;
                }
            } catch (SyntaxError | ClassCastException | IndexOutOfBoundsException e) {
                // not an array after all: an ordinary value that happens to be in parentheses
            }
        }
        String name = left;
        Subscripts.Name split = Subscripts.split(left.replace("+", ""));
        if (split.subscript() != null) {
            name = split.base() + "[" + Subscripts.key(ctx.state, expander, split.base(), split.subscript()) + "]"
                    + (left.endsWith("+") ? "+" : "");
        }
        ArrayAssignments.apply(ctx.state.variables, name, value, false);
    }

    private static boolean isIndexed(Variables.Var var) {
        return var.array() != null && !var.array().isAssociative();
    }

    private static boolean isAssociative(Variables.Var var) {
        return var.array() != null && var.array().isAssociative();
    }

    /** {@code declare -a a=([0]="x")}, as bash prints it. */
    static String declaration(String name, Variables.Var var) {
        StringBuilder flags = new StringBuilder();
        if (var.nameref()) return "declare -n " + name + "=" + doubleQuoted(var.scalar() == null ? "" : var.scalar());
        if (isIndexed(var)) flags.append('a');
        if (isAssociative(var)) flags.append('A');
        if (var.integer()) flags.append('i');
        if (var.readonly()) flags.append('r');
        if (var.exported()) flags.append('x');
        StringBuilder out = new StringBuilder("declare -").append(flags.isEmpty() ? "-" : flags).append(' ').append(name);
        if (var.array() != null) {
            out.append("=(");
            boolean first = true;
            for (Map.Entry<String, String> e : var.array().entries().entrySet()) {
                if (!first) out.append(' ');
                first = false;
                out.append('[').append(e.getKey()).append("]=").append(doubleQuoted(e.getValue()));
            }
            if (var.array().isAssociative()) out.append(' ');
            out.append(')');
        } else if (var.value() != null) {
            out.append('=').append(doubleQuoted(var.value()));
        }
        return out.toString();
    }

    static String doubleQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    private static int printFunctions(BuiltinContext ctx, List<String> names, boolean namesOnly) {
        int status = 0;
        List<String> wanted = names.isEmpty() ? ctx.state.functions.keySet().stream().sorted().toList() : names;
        for (String name : wanted) {
            FunctionDefinition definition = ctx.state.functions.get(name);
            if (definition == null) {
                status = 1;
                continue;
            }
            if (namesOnly) ctx.println("declare -f " + name);
            else ctx.println(dev.pipes.grammar.Printer.print(definition));
        }
        return status;
    }
}
