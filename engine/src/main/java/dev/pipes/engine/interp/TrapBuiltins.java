package dev.pipes.engine.interp;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

/** trap and umask. */
final class TrapBuiltins {
    private TrapBuiltins() {}

    static void register(Builtins b) {
        b.add(new Builtin("trap", "trap [-lp] [[ACTION] CONDITION...]",
                "run ACTION on a signal (INT, TERM, HUP... by name or number), on EXIT or after a failing command (ERR); - resets, '' ignores",
                TrapBuiltins::trap));
        b.add(new Builtin("shopt", "shopt [-s|-u] [-pq] [OPTION...]",
                "set (-s) or unset (-u) bash options: dotglob extglob failglob globstar nullglob nocasematch...",
                TrapBuiltins::shopt));
        b.add(new Builtin("umask", "umask [-S] [MODE]", "show or set the mask of permissions that new files do not get",
                TrapBuiltins::umask));
    }

    private static int trap(BuiltinContext ctx, List<String> args) {
        Traps traps = ctx.state.traps;
        List<String> rest = args.subList(1, args.size());
        if (!rest.isEmpty() && rest.get(0).equals("--")) rest = rest.subList(1, rest.size());
        if (rest.isEmpty() || rest.get(0).equals("-p")) {
            List<String> names = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
            for (Map.Entry<String, String> e : traps.all().entrySet()) {
                if (!names.isEmpty() && names.stream().map(Traps::canonical).noneMatch(e.getKey()::equals)) continue;
                ctx.println("trap -- " + Quoting.quote(e.getValue()) + " " + signalName(e.getKey()));
            }
            return 0;
        }
        if (rest.get(0).equals("-l")) {
            StringBuilder out = new StringBuilder();
            Traps.SIGNALS.entrySet().stream().filter(e -> e.getKey() > 0).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.append(String.format("%2d) SIG%s%n", e.getKey(), e.getValue())));
            ctx.out(out.toString());
            return 0;
        }
        String action = rest.get(0);
        List<String> conditions = rest.subList(1, rest.size());
        // "trap 2" or "trap INT": a lone condition resets it, as POSIX says for a number
        if (conditions.isEmpty()) {
            conditions = rest;
            action = "-";
        }
        int status = 0;
        for (String condition : conditions) {
            String name = Traps.canonical(condition);
            if (name == null) {
                status = ctx.fail("trap", condition + ": invalid signal specification");
                continue;
            }
            traps.set(name, action.equals("-") ? null : action);
        }
        return status;
    }

    private static int shopt(BuiltinContext ctx, List<String> args) {
        Boolean set = null;
        boolean quiet = false;
        boolean print = false;
        boolean setOptions = false;
        List<String> names = new java.util.ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            switch (arg) {
                case "-s" -> set = true;
                case "-u" -> set = false;
                case "-q" -> quiet = true;
                case "-p" -> print = true;
                case "-o" -> setOptions = true;
                default -> names.add(arg);
            }
        }
        if (setOptions) return ctx.fail("shopt", "-o: use set -o");
        int status = 0;
        List<Options.Shopt> chosen = new java.util.ArrayList<>();
        for (String name : names) {
            Options.Shopt shopt = Options.Shopt.byName(name);
            if (shopt == null) {
                status = ctx.fail("shopt", name + ": invalid shell option name");
                continue;
            }
            chosen.add(shopt);
        }
        if (status != 0) return status;
        if (set != null) {
            for (Options.Shopt shopt : chosen) {
                if (shopt == Options.Shopt.EXTGLOB && set) {
                    // accepted for the scripts that turn it on; ?(..) *(..) +(..) @(..) !(..) do not parse yet
                }
                ctx.state.options.set(shopt, set);
            }
            if (!chosen.isEmpty()) return 0;
        }
        List<Options.Shopt> shown = chosen.isEmpty() ? List.of(Options.Shopt.values()) : chosen;
        for (Options.Shopt shopt : shown) {
            boolean on = ctx.state.options.has(shopt);
            if (set != null && set != on) continue;
            if (!on) status = 1;
            if (quiet) continue;
            if (print) ctx.println("shopt " + (on ? "-s " : "-u ") + shopt.shoptName());
            else ctx.println(String.format("%-15s\t%s", shopt.shoptName(), on ? "on" : "off"));
        }
        return chosen.isEmpty() ? 0 : status;
    }

    private static String signalName(String name) {
        return switch (name) {
            case "EXIT", "ERR", "RETURN", "DEBUG" -> name;
            default -> "SIG" + name;
        };
    }

    private static int umask(BuiltinContext ctx, List<String> args) {
        boolean symbolic = args.contains("-S");
        List<String> modes = args.subList(1, args.size()).stream().filter(a -> !a.equals("-S")).toList();
        if (modes.isEmpty()) {
            int mask = ctx.state.umask >= 0 ? ctx.state.umask : ProcessUmask.current();
            if (symbolic) ctx.println("u=" + perms(~mask >> 6) + ",g=" + perms(~mask >> 3) + ",o=" + perms(~mask));
            else ctx.println(String.format("%04o", mask));
            return 0;
        }
        String mode = modes.get(0);
        if (!mode.matches("[0-7]{1,4}")) return ctx.fail("umask", mode + ": octal number expected (symbolic modes are not supported)");
        int mask = Integer.parseInt(mode, 8) & 0777;
        ctx.state.umask = mask;
        ProcessUmask.set(mask);
        return 0;
    }

    private static String perms(int bits) {
        return ((bits & 4) != 0 ? "r" : "") + ((bits & 2) != 0 ? "w" : "") + ((bits & 1) != 0 ? "x" : "");
    }

    /**
     * The process's umask, through libc: the JVM's own files and every process it starts get it. A
     * subshell shares the process: its umask is set back when it ends.
     */
    static final class ProcessUmask {
        private static final MethodHandle UMASK = lookup();

        private ProcessUmask() {}

        private static MethodHandle lookup() {
            try {
                Linker linker = Linker.nativeLinker();
                return linker.downcallHandle(linker.defaultLookup().find("umask").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }

        /** Sets the mask and returns the one before (-1 when libc cannot be reached). */
        static int set(int mask) {
            if (UMASK == null) return -1;
            try {
                return (int) UMASK.invokeExact(mask);
            } catch (Throwable e) {
                return -1;
            }
        }

        /** The current mask (read by setting it and setting it back). */
        static int current() {
            int old = set(022);
            if (old >= 0) set(old);
            return old < 0 ? 022 : old;
        }
    }
}
