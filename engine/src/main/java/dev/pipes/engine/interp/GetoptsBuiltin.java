package dev.pipes.engine.interp;

import java.util.List;

/**
 * {@code getopts OPTSTRING NAME [ARG...]} as POSIX specifies it: one option per call, OPTIND the
 * next argument, OPTARG an option's argument; a leading {@code :} in OPTSTRING makes errors silent
 * (NAME is then {@code ?} or {@code :} and OPTARG the option). The position inside a group of
 * options ({@code -ab}) is kept by the shell between calls and forgotten when OPTIND is changed.
 */
final class GetoptsBuiltin {
    private GetoptsBuiltin() {}

    static int run(BuiltinContext ctx, List<String> argv) {
        if (argv.size() < 3) return ctx.usage(ctx.interpreter.builtins().get("getopts"), "option string and name expected");
        String optstring = argv.get(1);
        String name = argv.get(2);
        if (!ParameterExpansion.isName(name)) return ctx.fail("getopts", "`" + name + "': not a valid identifier");
        List<String> args = argv.size() > 3 ? argv.subList(3, argv.size()) : ctx.state.positional;
        boolean silent = optstring.startsWith(":");
        ShellState state = ctx.state;
        int optind = optind(state);
        if (optind != state.getoptsOptind) state.getoptsPosition = 1;
        if (optind < 1) optind = 1;
        if (optind > args.size()) return finish(state, name, optind);
        String arg = args.get(optind - 1);
        if (state.getoptsPosition == 1) {
            if (arg.equals("--")) return finish(state, name, optind + 1);
            if (!arg.startsWith("-") || arg.equals("-")) return finish(state, name, optind);
        }
        char option = arg.charAt(state.getoptsPosition);
        state.getoptsPosition++;
        boolean lastInArg = state.getoptsPosition >= arg.length();
        int index = option == ':' ? -1 : optstring.indexOf(option);
        if (index < 0) {
            if (lastInArg) optind = next(state, optind);
            return report(ctx, name, optind, silent, "?", option, "illegal option -- " + option);
        }
        boolean takesArgument = index + 1 < optstring.length() && optstring.charAt(index + 1) == ':';
        if (!takesArgument) {
            state.variables.unset("OPTARG");
            if (lastInArg) optind = next(state, optind);
            return found(state, name, optind, String.valueOf(option));
        }
        if (!lastInArg) {
            state.variables.set("OPTARG", arg.substring(state.getoptsPosition));
            return found(state, name, next(state, optind), String.valueOf(option));
        }
        if (optind < args.size()) {
            state.variables.set("OPTARG", args.get(optind));
            return found(state, name, next(state, optind + 1), String.valueOf(option));
        }
        optind = next(state, optind);
        return report(ctx, name, optind, silent, ":", option, "option requires an argument -- " + option);
    }

    private static int optind(ShellState state) {
        try {
            String value = state.variables.get("OPTIND");
            return value == null ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int next(ShellState state, int optind) {
        state.getoptsPosition = 1;
        return optind + 1;
    }

    private static int found(ShellState state, String name, int optind, String value) {
        setOptind(state, optind);
        state.variables.set(name, value);
        return 0;
    }

    private static int report(BuiltinContext ctx, String name, int optind, boolean silent, String silentName, char option,
                              String message) {
        setOptind(ctx.state, optind);
        if (silent) {
            ctx.state.variables.set(name, silentName);
            ctx.state.variables.set("OPTARG", String.valueOf(option));
        } else {
            ctx.state.variables.set(name, "?");
            ctx.state.variables.unset("OPTARG");
            Io.err(ctx.state, ctx.state.arg0 + ": " + message); // as sh: the script's name, then the problem
        }
        return 0;
    }

    private static int finish(ShellState state, String name, int optind) {
        setOptind(state, optind);
        state.getoptsPosition = 1;
        state.variables.set(name, "?");
        return 1;
    }

    private static void setOptind(ShellState state, int optind) {
        state.variables.set("OPTIND", Integer.toString(optind));
        state.getoptsOptind = optind;
    }
}
