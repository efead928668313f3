package dev.pipes.engine.interp;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The builtins of pipesh, by name; each one knows its usage for {@code help}. */
final class Builtins {
    private final Map<String, Builtin> byName = new TreeMap<>();

    static Builtins standard() {
        Builtins builtins = new Builtins();
        CoreBuiltins.register(builtins);
        VariableBuiltins.register(builtins);
        DeclareBuiltin.register(builtins);
        TrapBuiltins.register(builtins);
        FlowBuiltins.register(builtins);
        JobBuiltins.register(builtins);
        ServiceBuiltins.register(builtins);
        PipesBuiltin.register(builtins);
        builtins.add(new Builtin("read", "read [-r] [-a ARRAY] [-p PROMPT] [-d DELIM] [-n N] [-s] [-t SECONDS] [-u FD] [NAME...]",
                "read a line from standard input into variables", ReadBuiltin::run));
        builtins.add(new Builtin("mapfile", "mapfile [-t] [-n COUNT] [-s SKIP] [-d DELIM] [-u FD] [ARRAY]",
                "read lines of input into an indexed array (MAPFILE by default)", ReadBuiltin::mapfile));
        builtins.add(new Builtin("readarray", "readarray [-t] [-n COUNT] [-s SKIP] [-d DELIM] [-u FD] [ARRAY]",
                "read lines of input into an indexed array (as mapfile)", ReadBuiltin::mapfile));
        builtins.add(new Builtin("getopts", "getopts OPTSTRING NAME [ARGUMENT...]",
                "parse options: one per call, OPTIND the next argument, OPTARG an option's argument",
                GetoptsBuiltin::run));
        builtins.add(new Builtin("printf", "printf [-v VAR] FORMAT [ARGUMENT...]", "format and print arguments", Printf::run));
        builtins.add(new Builtin("test", "test EXPRESSION", "evaluate a conditional expression", TestBuiltin::run));
        builtins.add(new Builtin("[", "[ EXPRESSION ]", "evaluate a conditional expression", TestBuiltin::run));
        return builtins;
    }

    void add(Builtin builtin) {
        byName.put(builtin.name(), builtin);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    Builtin get(String name) {
        return byName.get(name);
    }

    Map<String, Builtin> all() {
        return Collections.unmodifiableMap(byName);
    }

    int run(List<String> argv, BuiltinContext ctx) {
        Builtin builtin = byName.get(argv.get(0));
        if (argv.size() == 2 && argv.get(1).equals("--help") && !argv.get(0).equals("echo") && !argv.get(0).equals("[")
                && !argv.get(0).equals("test")) {
            ctx.println("usage: " + builtin.usage());
            ctx.println(builtin.summary());
            return 0;
        }
        return builtin.body().run(ctx, argv);
    }
}
