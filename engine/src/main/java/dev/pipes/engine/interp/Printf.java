package dev.pipes.engine.interp;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code printf FORMAT ARGS...} as in POSIX and bash: the format is reused while arguments remain;
 * conversions {@code %s %b %c %d %i %u %o %x %X %e %E %f %F %g %G %q %%} with flags, width and
 * precision ({@code *} too); a bad number is reported and printed as 0 with status 1.
 */
final class Printf {
    private Printf() {}

    /** Text with backslash escapes replaced; {@code stop} when {@code \c} ended the output. */
    record Escaped(String text, boolean stop) {}

    static int run(BuiltinContext ctx, List<String> args) {
        if (args.size() < 2) return ctx.usage(ctx.interpreter.builtins().get("printf"), "format expected");
        int first = 1;
        String variable = null; // printf -v NAME (bash): into a variable instead of standard output
        if (args.get(1).equals("-v")) {
            if (args.size() < 3) return ctx.usage(ctx.interpreter.builtins().get("printf"), "-v: option requires an argument");
            variable = args.get(2);
            first = 3;
        }
        if (first < args.size() && args.get(first).equals("--")) first++;
        if (first >= args.size()) return ctx.usage(ctx.interpreter.builtins().get("printf"), "format expected");
        String format = args.get(first);
        List<String> values = args.subList(first + 1, args.size());
        Formatter formatter = new Formatter(ctx, values);
        StringBuilder out = new StringBuilder();
        do {
            int before = formatter.used;
            if (formatter.format(format, out)) break;
            if (formatter.used == before) break;
        } while (formatter.used < values.size());
        if (variable == null) {
            ctx.out(out.toString());
            return formatter.status;
        }
        Subscripts.Name split = Subscripts.split(variable);
        if (!ParameterExpansion.isName(split.base())) return ctx.fail("printf", "`" + variable + "': not a valid identifier");
        try {
            if (split.subscript() == null) ctx.state.variables.set(variable, out.toString());
            else ctx.state.variables.setElement(split.base(),
                    Subscripts.key(ctx.state, ctx.interpreter.expander(), split.base(), split.subscript()), out.toString());
        } catch (ShellError e) {
            return ctx.fail("printf", e.getMessage());
        }
        return formatter.status;
    }

    private static final class Formatter {
        private final BuiltinContext ctx;
        private final List<String> values;
        int used;
        int status;

        Formatter(BuiltinContext ctx, List<String> values) {
            this.ctx = ctx;
            this.values = values;
        }

        private String next() {
            return used < values.size() ? values.get(used++) : null;
        }

        /** Formats once; returns true when {@code \c} stopped all output. */
        boolean format(String format, StringBuilder out) {
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i);
                if (c == '\\') {
                    int end = escapeEnd(format, i);
                    Escaped e = backslashEscapes(format.substring(i, end), false);
                    out.append(e.text());
                    if (e.stop()) return true;
                    i = end;
                    continue;
                }
                if (c != '%') {
                    out.append(c);
                    i++;
                    continue;
                }
                if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                    out.append('%');
                    i += 2;
                    continue;
                }
                int start = i;
                i++;
                StringBuilder spec = new StringBuilder("%");
                while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) spec.append(format.charAt(i++));
                i = number(format, i, spec);
                if (i < format.length() && format.charAt(i) == '.') {
                    spec.append('.');
                    i = number(format, i + 1, spec);
                }
                if (i >= format.length()) {
                    ctx.fail("printf", "`" + format.substring(start) + "': missing format character");
                    status = 1;
                    return true;
                }
                char conversion = format.charAt(i++);
                if (convert(conversion, spec.toString(), out)) return true;
            }
            return false;
        }

        private int number(String format, int i, StringBuilder spec) {
            if (i < format.length() && format.charAt(i) == '*') {
                spec.append(toLong(next()));
                return i + 1;
            }
            while (i < format.length() && Character.isDigit(format.charAt(i))) spec.append(format.charAt(i++));
            return i;
        }

        private boolean convert(char conversion, String spec, StringBuilder out) {
            String arg = next();
            switch (conversion) {
                case 's' -> out.append(String.format(spec + "s", arg == null ? "" : arg));
                case 'q' -> out.append(String.format(spec + "s", arg == null ? "''" : Quoting.backslashed(arg)));
                case 'b' -> {
                    Escaped e = backslashEscapes(arg == null ? "" : arg, true);
                    out.append(String.format(spec + "s", e.text()));
                    return e.stop();
                }
                case 'c' -> out.append(String.format(spec + "s", arg == null || arg.isEmpty() ? "" : arg.substring(0, 1)));
                case 'd', 'i' -> out.append(String.format(spec.replace("#", "") + "d", toLong(arg)));
                case 'u' -> out.append(String.format(spec + "s", Long.toUnsignedString(toLong(arg))));
                case 'o', 'x', 'X' -> out.append(String.format(spec.replace("+", "").replace(" ", "") + conversion, toLong(arg)));
                case 'e', 'E', 'f', 'F', 'g', 'G' -> out.append(String.format(spec + (conversion == 'F' ? 'f' : conversion), toDouble(arg)));
                default -> {
                    ctx.fail("printf", "%" + conversion + ": invalid format character");
                    status = 1;
                    return true;
                }
            }
            return false;
        }

        private long toLong(String arg) {
            if (arg == null || arg.isEmpty()) return 0;
            String text = arg.strip();
            if (text.startsWith("'") || text.startsWith("\"")) return text.length() > 1 ? text.codePointAt(1) : 0;
            try {
                boolean negative = text.startsWith("-");
                String digits = negative || text.startsWith("+") ? text.substring(1) : text;
                long value;
                if (digits.startsWith("0x") || digits.startsWith("0X")) value = Long.parseUnsignedLong(digits.substring(2), 16);
                else if (digits.length() > 1 && digits.startsWith("0")) value = Long.parseLong(digits.substring(1), 8);
                else value = Long.parseLong(digits);
                return negative ? -value : value;
            } catch (NumberFormatException e) {
                ctx.fail("printf", arg + ": invalid number");
                status = 1;
                return 0;
            }
        }

        private BigDecimal toDouble(String arg) {
            if (arg == null || arg.isEmpty()) return BigDecimal.ZERO;
            try {
                return new BigDecimal(arg.strip());
            } catch (NumberFormatException e) {
                ctx.fail("printf", arg + ": invalid number");
                status = 1;
                return BigDecimal.ZERO;
            }
        }
    }

    private static int escapeEnd(String format, int i) {
        if (i + 1 >= format.length()) return i + 1;
        char c = format.charAt(i + 1);
        if (c >= '0' && c <= '7') {
            int end = i + 2;
            while (end < format.length() && end < i + 4 && format.charAt(end) >= '0' && format.charAt(end) <= '7') end++;
            return end;
        }
        if (c == 'x') {
            int end = i + 2;
            while (end < format.length() && end < i + 4 && Character.digit(format.charAt(end), 16) >= 0) end++;
            return end;
        }
        return i + 2;
    }

    /**
     * Replaces backslash escapes. {@code echoStyle} ({@code echo -e}, {@code %b}): octal is
     * {@code \0NNN}; otherwise (the printf format) {@code \NNN}.
     */
    static Escaped backslashEscapes(String text, boolean echoStyle) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\013');
                case 'e', 'E' -> out.append('\033');
                case '\\' -> out.append('\\');
                case 'c' -> {
                    return new Escaped(out.toString(), true);
                }
                case 'x' -> {
                    int end = i;
                    while (end < text.length() && end < i + 2 && Character.digit(text.charAt(end), 16) >= 0) end++;
                    if (end == i) out.append("\\x");
                    else out.append(dev.pipes.grammar.text.ShellBytes.ofByte(Integer.parseInt(text.substring(i, end), 16)));
                    i = end;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int start = echoStyle && e == '0' ? i : i - 1;
                        int end = start;
                        while (end < text.length() && end < start + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') end++;
                        out.append(end == start ? '\0' : dev.pipes.grammar.text.ShellBytes.ofByte(Integer.parseInt(text.substring(start, end), 8)));
                        i = end;
                    } else if (!echoStyle && (e == '"' || e == '\'')) {
                        out.append(e);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return new Escaped(out.toString(), false);
    }
}
