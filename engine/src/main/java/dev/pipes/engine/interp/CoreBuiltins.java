package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Stage;
import dev.pipes.grammar.SyntaxError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** echo, pwd, cd, true, false, :, type, command, help, history, explain. */
final class CoreBuiltins {
    private static final Set<String> KEYWORDS = dev.pipes.grammar.Parser.RESERVED_WORDS;

    private CoreBuiltins() {}

    static void register(Builtins b) {
        b.add(new Builtin("true", "true", "do nothing, successfully", (ctx, args) -> 0));
        b.add(new Builtin(":", ": [ARGUMENT...]", "do nothing, successfully (arguments are expanded)", (ctx, args) -> 0));
        b.add(new Builtin("false", "false", "do nothing, unsuccessfully", (ctx, args) -> 1));
        b.add(new Builtin("echo", "echo [-neE] [ARGUMENT...]", "write arguments to standard output", CoreBuiltins::echo));
        b.add(new Builtin("pwd", "pwd [-LP]", "print the working directory", CoreBuiltins::pwd));
        b.add(new Builtin("cd", "cd [-L|-P] [DIR]", "change the working directory (DIR - : the previous one)", CoreBuiltins::cd));
        b.add(new Builtin("type", "type [-t] NAME...", "tell how each NAME would be run", CoreBuiltins::type));
        b.add(new Builtin("command", "command [-v|-V] NAME [ARGUMENT...]",
                "run NAME ignoring functions, or (-v) tell what it is", CoreBuiltins::command));
        b.add(new Builtin("hash", "hash [-r] [-d] [-t] [-p PATH] [NAME...]",
                "remember where commands are on PATH; without NAME, list them; -r forget all", CoreBuiltins::hash));
        b.add(new Builtin("help", "help [BUILTIN...]", "show the usage of builtins", CoreBuiltins::help));
        b.add(new Builtin("history", "history [N]", "list the commands entered in this session", CoreBuiltins::history));
        b.add(new Builtin("explain", "explain TEXT...",
                "print the plan of a command line (stages, joints, redirections) without running it", CoreBuiltins::explain));
    }

    private static int echo(BuiltinContext ctx, List<String> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 1;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char c : args.get(i).substring(1).toCharArray()) {
                if (c == 'n') newline = false;
                else if (c == 'e') escapes = true;
                else escapes = false;
            }
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (int k = i; k < args.size(); k++) {
            if (k > i) out.append(' ');
            if (escapes) {
                Printf.Escaped escaped = Printf.backslashEscapes(args.get(k), true);
                out.append(escaped.text());
                if (escaped.stop()) {
                    ctx.out(out.toString());
                    return 0;
                }
            } else {
                out.append(args.get(k));
            }
        }
        if (newline) out.append('\n');
        ctx.out(out.toString());
        return 0;
    }

    private static int pwd(BuiltinContext ctx, List<String> args) {
        if (args.contains("-P")) {
            try {
                ctx.println(ctx.state.cwd.toRealPath().toString());
                return 0;
            } catch (IOException e) {
                return ctx.fail("pwd", e.getMessage());
            }
        }
        ctx.println(ctx.state.cwd.toString());
        return 0;
    }

    private static int cd(BuiltinContext ctx, List<String> args) {
        List<String> rest = args.subList(1, args.size()).stream().filter(a -> !a.equals("-L") && !a.equals("-P")).toList();
        boolean physical = args.contains("-P");
        if (rest.size() > 1) return ctx.fail("cd", "too many arguments");
        String target;
        boolean print = false;
        if (rest.isEmpty()) {
            target = ctx.state.variables.get("HOME");
            if (target == null) return ctx.fail("cd", "HOME not set");
        } else if (rest.get(0).equals("-")) {
            target = ctx.state.variables.get("OLDPWD");
            if (target == null) return ctx.fail("cd", "OLDPWD not set");
            print = true;
        } else {
            target = rest.get(0);
        }
        Path dir = ctx.state.resolve(target);
        if (!Files.exists(dir)) return ctx.fail("cd", target + ": No such file or directory");
        if (!Files.isDirectory(dir)) return ctx.fail("cd", target + ": Not a directory");
        if (!Files.isExecutable(dir)) return ctx.fail("cd", target + ": Permission denied");
        if (physical) {
            try {
                dir = dir.toRealPath();
            } catch (IOException e) {
                return ctx.fail("cd", target + ": " + e.getMessage());
            }
        }
        ctx.state.variables.set("OLDPWD", ctx.state.cwd.toString());
        ctx.state.cwd = dir;
        ctx.state.variables.set("PWD", dir.toString());
        if (print) ctx.println(dir.toString());
        return 0;
    }

    /** What NAME is, as {@code type} and {@code command -V} say it; {@code null} when it is nothing. */
    static String describe(BuiltinContext ctx, String name, boolean terse) {
        if (KEYWORDS.contains(name)) return terse ? "keyword" : name + " is a shell keyword";
        if (ctx.state.functions.containsKey(name)) return terse ? "function" : name + " is a function";
        if (ctx.interpreter.builtins().has(name)) return terse ? "builtin" : name + " is a shell builtin";
        if (ctx.state.services.lookup(name).isPresent()) return terse ? "service" : name + " is a service";
        Path path = name.contains("/") ? ctx.state.resolve(name) : ctx.interpreter.resolver().searchPath(name);
        if (path != null && Files.isRegularFile(path) && Files.isExecutable(path)) {
            return terse ? "file" : name + " is " + (name.contains("/") ? name : path.toString());
        }
        return null;
    }

    private static int type(BuiltinContext ctx, List<String> args) {
        boolean terse = false;
        int status = 0;
        for (String name : args.subList(1, args.size())) {
            if (name.equals("-t")) {
                terse = true;
                continue;
            }
            String description = describe(ctx, name, terse);
            if (description == null) {
                if (!terse) ctx.fail("type", name + ": not found");
                status = 1;
            } else {
                ctx.println(description);
            }
        }
        return status;
    }

    private static int command(BuiltinContext ctx, List<String> args) {
        if (args.size() < 2) return 0;
        String flag = args.get(1);
        if (flag.equals("-v") || flag.equals("-V")) {
            int status = 0;
            for (String name : args.subList(2, args.size())) {
                if (flag.equals("-V")) {
                    String description = describe(ctx, name, false);
                    if (description == null) status = ctx.fail("command", name + ": not found");
                    else ctx.println(description);
                    continue;
                }
                String kind = describe(ctx, name, true);
                if (kind == null) {
                    status = 1;
                } else if (kind.equals("file")) {
                    ctx.println(name.contains("/") ? name : ctx.interpreter.resolver().searchPath(name).toString());
                } else {
                    ctx.println(name);
                }
            }
            return status;
        }
        List<String> argv = args.subList(flag.equals("--") ? 2 : 1, args.size());
        if (argv.isEmpty()) return 0;
        Stage stage;
        if (ctx.interpreter.builtins().has(argv.get(0))) {
            stage = new Stage.Builtin(argv, Map.of(), List.of());
        } else {
            Path path = argv.get(0).contains("/") ? ctx.state.resolve(argv.get(0)) : ctx.interpreter.resolver().searchPath(argv.get(0));
            stage = path != null && Files.isExecutable(path) ? new Stage.LocalCommand(path, argv, Map.of(), List.of())
                    : new Stage.NotFound(argv.get(0), argv, List.of(), path != null);
        }
        return FlowBuiltins.runStage(ctx, stage);
    }

    private static int hash(BuiltinContext ctx, List<String> args) {
        PathCache cache = ctx.state.hashed;
        String path = ctx.state.variables.get("PATH");
        boolean delete = false;
        boolean print = false;
        String given = null;
        int i = 1;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String flag = args.get(i);
            if (flag.equals("--")) {
                i++;
                break;
            }
            for (char c : flag.substring(1).toCharArray()) {
                switch (c) {
                    case 'r' -> cache.clear();
                    case 'd' -> delete = true;
                    case 't' -> print = true;
                    case 'l' -> { }
                    case 'p' -> {
                        if (i + 1 >= args.size()) return ctx.fail("hash", "-p: option requires an argument");
                        given = args.get(++i);
                    }
                    default -> {
                        ctx.fail("hash", "-" + c + ": invalid option");
                        return 2;
                    }
                }
            }
        }
        List<String> names = args.subList(i, args.size());
        if (names.isEmpty()) {
            if (args.size() > 1) return 0;
            Map<String, PathCache.Entry> entries = cache.entries(path);
            if (entries.isEmpty()) {
                ctx.println("hash: hash table empty");
                return 0;
            }
            ctx.println("hits\tcommand");
            entries.forEach((name, e) -> ctx.println(String.format("%4d\t%s", e.hits(), e.path())));
            return 0;
        }
        int status = 0;
        for (String name : names) {
            if (delete) {
                if (!cache.forget(name)) status = ctx.fail("hash", name + ": not found");
            } else if (given != null) {
                cache.remember(name, ctx.state.resolve(given), path, 0);
            } else if (print) {
                Path found = cache.lookup(name, path);
                if (found == null) status = ctx.fail("hash", name + ": not found");
                else ctx.println(names.size() > 1 ? name + "\t" + found : found.toString());
            } else if (name.contains("/") || ctx.interpreter.builtins().has(name) || ctx.state.functions.containsKey(name)) {
                continue; // nothing to remember, as in bash
            } else {
                Path found = ctx.interpreter.resolver().searchPath(name);
                if (found == null || !Files.isExecutable(found)) status = ctx.fail("hash", name + ": not found");
                else cache.remember(name, found, path, 0);
            }
        }
        return status;
    }

    private static int help(BuiltinContext ctx, List<String> args) {
        Map<String, Builtin> all = ctx.interpreter.builtins().all();
        if (args.size() == 1) {
            ctx.println("pipesh builtins (help NAME for one):");
            for (Builtin builtin : all.values()) ctx.println(String.format("  %-60s %s", builtin.usage(), builtin.summary()));
            return 0;
        }
        int status = 0;
        for (String name : args.subList(1, args.size())) {
            Builtin builtin = all.get(name);
            if (builtin == null) {
                status = ctx.fail("help", "no help topics match '" + name + "'");
                continue;
            }
            ctx.println(name + ": " + builtin.usage());
            ctx.println("    " + builtin.summary());
        }
        return status;
    }

    private static int history(BuiltinContext ctx, List<String> args) {
        List<String> entries = ctx.state.history;
        int from = 0;
        if (args.size() > 1) {
            try {
                from = Math.max(0, entries.size() - Integer.parseInt(args.get(1)));
            } catch (NumberFormatException e) {
                return ctx.fail("history", args.get(1) + ": numeric argument required");
            }
        }
        for (int i = from; i < entries.size(); i++) ctx.println(String.format("%5d  %s", i + 1, entries.get(i)));
        return 0;
    }

    private static int explain(BuiltinContext ctx, List<String> args) {
        String text = String.join(" ", args.subList(1, args.size()));
        if (text.isBlank()) return ctx.fail("explain", "usage: explain TEXT...");
        try {
            ctx.out(Explainer.explain(text, ctx.state, ctx.interpreter.builtins()));
            return 0;
        } catch (SyntaxError e) {
            return ctx.fail("explain", e.getMessage());
        }
    }
}
