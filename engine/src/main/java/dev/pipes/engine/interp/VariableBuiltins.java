package dev.pipes.engine.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** export, unset, readonly, set, let (local is in DeclareBuiltin). */
final class VariableBuiltins {
    private VariableBuiltins() {}

    static void register(Builtins b) {
        b.add(new Builtin("export", "export [-n] [-p] [NAME[=VALUE]...]", "give variables to the commands this shell starts",
                VariableBuiltins::export));
        b.add(new Builtin("readonly", "readonly [-p] [NAME[=VALUE]...]", "make variables unchangeable",
                VariableBuiltins::readonly));
        b.add(new Builtin("unset", "unset [-v|-f] NAME...", "remove variables (-v) or functions (-f)", VariableBuiltins::unset));
        b.add(new Builtin("set", "set [-euxfCv] [+euxfCv] [-o OPTION] [+o OPTION] [--] [ARGUMENT...]",
                "set shell options and positional parameters; without arguments, list variables", VariableBuiltins::set));
        b.add(new Builtin("let", "let EXPRESSION...", "evaluate arithmetic expressions; status 1 when the last is 0",
                VariableBuiltins::let));
    }

    private record NameValue(String name, String value) {}

    private static NameValue split(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? new NameValue(arg, null) : new NameValue(arg.substring(0, eq), arg.substring(eq + 1));
    }

    private static int export(BuiltinContext ctx, List<String> args) {
        boolean unexport = false;
        int status = 0;
        List<String> names = new ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            if (arg.equals("-n")) unexport = true;
            else if (arg.equals("-p")) continue;
            else if (arg.equals("--")) continue;
            else names.add(arg);
        }
        if (names.isEmpty()) {
            for (Map.Entry<String, Variables.Var> e : ctx.state.variables.visible().entrySet()) {
                if (e.getValue().exported()) ctx.println("declare -x " + declaration(e.getKey(), e.getValue().value()));
            }
            return 0;
        }
        for (String arg : names) {
            NameValue nv = split(arg);
            if (!ParameterExpansion.isName(nv.name())) {
                status = ctx.fail("export", "`" + arg + "': not a valid identifier");
                continue;
            }
            if (unexport) {
                Variables.Var var = ctx.state.variables.lookup(nv.name());
                String value = nv.value() != null ? nv.value() : var == null ? null : var.value();
                ctx.state.variables.unset(nv.name());
                if (value != null) ctx.state.variables.set(nv.name(), value);
            } else {
                ctx.state.variables.export(nv.name(), nv.value());
            }
        }
        return status;
    }

    private static String declaration(String name, String value) {
        if (value == null) return name;
        return name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }

    private static int readonly(BuiltinContext ctx, List<String> args) {
        List<String> names = args.subList(1, args.size()).stream().filter(a -> !a.equals("-p") && !a.equals("--")).toList();
        if (names.isEmpty()) {
            for (Map.Entry<String, Variables.Var> e : ctx.state.variables.visible().entrySet()) {
                if (e.getValue().readonly()) ctx.println("declare -r " + declaration(e.getKey(), e.getValue().value()));
            }
            return 0;
        }
        int status = 0;
        for (String arg : names) {
            NameValue nv = split(arg);
            if (!ParameterExpansion.isName(nv.name())) {
                status = ctx.fail("readonly", "`" + arg + "': not a valid identifier");
                continue;
            }
            ctx.state.variables.markReadonly(nv.name(), nv.value());
        }
        return status;
    }

    private static int unset(BuiltinContext ctx, List<String> args) {
        boolean functions = false;
        boolean variablesOnly = false;
        int status = 0;
        for (String name : args.subList(1, args.size())) {
            if (name.equals("-f")) {
                functions = true;
                continue;
            }
            if (name.equals("-v")) {
                variablesOnly = true;
                continue;
            }
            if (functions) {
                ctx.state.functions.remove(name);
                continue;
            }
            Subscripts.Name split = Subscripts.split(name);
            if (split.subscript() != null && ParameterExpansion.isName(split.base()) && !functions) {
                if (split.isList()) ctx.state.variables.unset(split.base());
                else ctx.state.variables.unsetElement(split.base(),
                        Subscripts.key(ctx.state, ctx.interpreter.expander(), split.base(), split.subscript()));
                continue;
            }
            if (!ParameterExpansion.isName(name)) {
                status = ctx.fail("unset", "`" + name + "': not a valid identifier");
                continue;
            }
            if (ctx.state.variables.isReadonly(name)) {
                status = ctx.fail("unset", name + ": cannot unset: readonly variable");
                continue;
            }
            if (ctx.state.variables.lookup(name) == null && !variablesOnly) ctx.state.functions.remove(name);
            else ctx.state.variables.unset(name);
        }
        return status;
    }

    private static int set(BuiltinContext ctx, List<String> args) {
        if (args.size() == 1) {
            for (Map.Entry<String, Variables.Var> e : ctx.state.variables.visible().entrySet()) {
                if (e.getValue().value() != null) ctx.println(e.getKey() + "=" + Quoting.quote(e.getValue().value()));
            }
            return 0;
        }
        int i = 1;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                ctx.state.positional = new ArrayList<>(args.subList(i + 1, args.size()));
                return 0;
            }
            if (arg.equals("-") ) {
                ctx.state.options.set(Options.Option.XTRACE, false);
                ctx.state.options.set(Options.Option.VERBOSE, false);
                i++;
                continue;
            }
            if (arg.length() < 2 || (arg.charAt(0) != '-' && arg.charAt(0) != '+')) break;
            boolean on = arg.charAt(0) == '-';
            for (int k = 1; k < arg.length(); k++) {
                char letter = arg.charAt(k);
                if (letter == 'o') {
                    if (i + 1 >= args.size()) {
                        printOptions(ctx, on);
                        return 0;
                    }
                    String name = args.get(++i);
                    Options.Option option = Options.Option.byName(name);
                    if (option == null) return ctx.fail("set", name + ": invalid option name");
                    ctx.state.options.set(option, on);
                    continue;
                }
                Options.Option option = Options.Option.byLetter(letter);
                if (option == null) {
                    ctx.fail("set", (on ? "-" : "+") + letter + ": invalid option");
                    return 2;
                }
                ctx.state.options.set(option, on);
            }
            i++;
        }
        if (i < args.size()) ctx.state.positional = new ArrayList<>(args.subList(i, args.size()));
        return 0;
    }

    private static void printOptions(BuiltinContext ctx, boolean human) {
        for (Options.Option option : Options.Option.values()) {
            boolean on = ctx.state.options.has(option);
            if (human) ctx.println(String.format("%-15s\t%s", option.longName, on ? "on" : "off"));
            else ctx.println("set " + (on ? "-o " : "+o ") + option.longName);
        }
    }

    private static int let(BuiltinContext ctx, List<String> args) {
        if (args.size() < 2) return ctx.fail("let", "expression expected");
        long last = 0;
        for (String expression : args.subList(1, args.size())) {
            last = ctx.interpreter.expander().evaluateArithmetic(expression, null);
        }
        return last == 0 ? 1 : 0;
    }
}
