package dev.pipes.engine.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;

/**
 * {@code test} and {@code [}: POSIX's rules by argument count (so that {@code [ "$x" = -n ]} means
 * what it says), then a recursive parser with {@code !}, {@code -a}, {@code -o} and parentheses.
 * Status 0 true, 1 false, 2 on a usage error.
 */
final class TestBuiltin {
    private static final Set<String> UNARY = Set.of("-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h", "-p", "-S",
            "-b", "-c", "-t", "-z", "-n", "-g", "-u", "-k", "-O", "-G", "-N");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
            "-nt", "-ot", "-ef");

    /** A usage error inside an expression. */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message, null, false, false);
        }
    }

    private final BuiltinContext ctx;
    private final List<String> args;
    private int pos;

    private TestBuiltin(BuiltinContext ctx, List<String> args) {
        this.ctx = ctx;
        this.args = args;
    }

    static int run(BuiltinContext ctx, List<String> argv) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                ctx.fail("[", "missing `]'");
                return 2;
            }
            args = args.subList(0, args.size() - 1);
        }
        try {
            return new TestBuiltin(ctx, args).evaluate() ? 0 : 1;
        } catch (Usage e) {
            ctx.fail(name, e.getMessage());
            return 2;
        }
    }

    private boolean evaluate() {
        int n = args.size();
        switch (n) {
            case 0:
                return false;
            case 1:
                return !args.get(0).isEmpty();
            case 2:
                if (args.get(0).equals("!")) return args.get(1).isEmpty();
                if (UNARY.contains(args.get(0))) return unary(ctx.state, args.get(0), args.get(1));
                throw new Usage(args.get(0) + ": unary operator expected");
            case 3:
                if (BINARY.contains(args.get(1))) return binary(args.get(0), args.get(1), args.get(2));
                if (args.get(0).equals("!")) return !new TestBuiltin(ctx, args.subList(1, 3)).evaluate();
                if (args.get(0).equals("(") && args.get(2).equals(")")) return !args.get(1).isEmpty();
                if (args.get(1).equals("-a") || args.get(1).equals("-o")) break;
                throw new Usage(args.get(1) + ": binary operator expected");
            case 4:
                if (args.get(0).equals("!")) return !new TestBuiltin(ctx, args.subList(1, 4)).evaluate();
                if (args.get(0).equals("(") && args.get(3).equals(")")) return new TestBuiltin(ctx, args.subList(1, 3)).evaluate();
                break;
            default:
                break;
        }
        boolean result = or();
        if (pos < args.size()) throw new Usage(args.get(pos) + ": too many arguments");
        return result;
    }

    private boolean or() {
        boolean left = and();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            boolean right = and();
            left = left || right;
        }
        return left;
    }

    private boolean and() {
        boolean left = not();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            boolean right = not();
            left = left && right;
        }
        return left;
    }

    private boolean not() {
        if (pos < args.size() && args.get(pos).equals("!")) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= args.size()) throw new Usage("argument expected");
        String arg = args.get(pos);
        if (arg.equals("(")) {
            pos++;
            boolean value = or();
            if (pos >= args.size() || !args.get(pos).equals(")")) throw new Usage("`)' expected");
            pos++;
            return value;
        }
        if (pos + 2 < args.size() && BINARY.contains(args.get(pos + 1))) {
            pos += 3;
            return binary(arg, args.get(pos - 2), args.get(pos - 1));
        }
        if (UNARY.contains(arg) && pos + 1 < args.size()) {
            pos += 2;
            return unary(ctx.state, arg, args.get(pos - 1));
        }
        pos++;
        return !arg.isEmpty();
    }

    /** A unary test of test, [ and [[ ]]: strings, files and descriptors. */
    static boolean unary(ShellState state, String op, String operand) {
        if (op.equals("-z")) return operand.isEmpty();
        if (op.equals("-n")) return !operand.isEmpty();
        if (op.equals("-t")) {
            return false; // pipesh cannot ask whether a descriptor is a terminal without native code
        }
        Path path = state.resolve(operand);
        if (operand.isEmpty()) return false;
        return switch (op) {
            case "-e" -> Files.exists(path);
            case "-f" -> Files.isRegularFile(path);
            case "-d" -> Files.isDirectory(path);
            case "-r" -> Files.isReadable(path);
            case "-w" -> Files.isWritable(path);
            case "-x" -> Files.isExecutable(path);
            case "-s" -> {
                try {
                    yield Files.exists(path) && Files.size(path) > 0;
                } catch (IOException e) {
                    yield false;
                }
            }
            case "-L", "-h" -> Files.isSymbolicLink(path);
            case "-p" -> fileType(path, "p");
            case "-S" -> fileType(path, "s");
            case "-b" -> fileType(path, "b");
            case "-c" -> fileType(path, "c");
            default -> Files.exists(path);
        };
    }

    private static boolean fileType(Path path, String type) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            int bits = ((Integer) mode) & 0170000;
            return switch (type) {
                case "p" -> bits == 0010000;
                case "s" -> bits == 0140000;
                case "b" -> bits == 0060000;
                default -> bits == 0020000;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean binary(String left, String op, String right) {
        return switch (op) {
            case "=", "==" -> left.equals(right);
            case "!=" -> !left.equals(right);
            case "<" -> left.compareTo(right) < 0;
            case ">" -> left.compareTo(right) > 0;
            case "-eq" -> integer(left) == integer(right);
            case "-ne" -> integer(left) != integer(right);
            case "-lt" -> integer(left) < integer(right);
            case "-le" -> integer(left) <= integer(right);
            case "-gt" -> integer(left) > integer(right);
            case "-ge" -> integer(left) >= integer(right);
            case "-nt" -> modified(ctx.state, left).compareTo(modified(ctx.state, right)) > 0;
            case "-ot" -> modified(ctx.state, left).compareTo(modified(ctx.state, right)) < 0;
            case "-ef" -> sameFile(ctx.state, left, right);
            default -> throw new Usage(op + ": unknown operator");
        };
    }

    private long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Usage(text + ": integer expression expected");
        }
    }

    static FileTime modified(ShellState state, String name) {
        try {
            return Files.getLastModifiedTime(state.resolve(name));
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MIN_VALUE);
        }
    }

    static boolean sameFile(ShellState state, String a, String b) {
        try {
            return Files.isSameFile(state.resolve(a), state.resolve(b));
        } catch (IOException e) {
            return false;
        }
    }
}
