package dev.pipes.engine.interp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code read}: one byte at a time, so that it never takes input meant for the next command (a
 * pipe or terminal cannot be pushed back), then splits the line on IFS into the named variables,
 * the last one taking the rest of the line.
 */
final class ReadBuiltin {
    private ReadBuiltin() {}

    static int run(BuiltinContext ctx, List<String> args) {
        boolean raw = false;
        int delimiter = '\n';
        int maxChars = -1;
        int fd = 0;
        String prompt = null;
        String arrayName = null;
        double timeout = -1;
        List<String> names = new ArrayList<>();
        int i = 1;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.length() < 2) break;
            // letters may be grouped (-rs, -ra NAME, -rn1): an option with a value takes the rest or the next argument
            for (int k = 1; k < arg.length(); k++) {
                char c = arg.charAt(k);
                if (c == 'r') {
                    raw = true;
                    continue;
                }
                if (c == 's' || c == 'e') continue;
                if ("pdnNtua".indexOf(c) < 0) {
                    return ctx.usage(ctx.interpreter.builtins().get("read"), "-" + c + ": invalid option");
                }
                String value;
                if (k + 1 < arg.length()) {
                    value = arg.substring(k + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return ctx.usage(ctx.interpreter.builtins().get("read"), "-" + c + ": option requires an argument");
                }
                try {
                    switch (c) {
                        case 'p' -> prompt = value;
                        case 'd' -> delimiter = value.isEmpty() ? 0 : value.charAt(0);
                        case 'n', 'N' -> maxChars = Integer.parseInt(value);
                        case 'a' -> arrayName = value;
                        case 't' -> timeout = Double.parseDouble(value);
                        default -> fd = Integer.parseInt(value);
                    }
                } catch (NumberFormatException e) {
                    return ctx.fail("read", value + ": invalid number");
                }
                break;
            }
        }
        for (; i < args.size(); i++) {
            if (!ParameterExpansion.isName(args.get(i))) return ctx.fail("read", "`" + args.get(i) + "': not a valid identifier");
            names.add(args.get(i));
        }
        if (prompt != null) Io.write(ctx.state, 2, prompt);
        InputStream in = Io.input(ctx.state, fd);
        if (in == null) return ctx.fail("read", fd + ": invalid file descriptor: Bad file descriptor");
        Line line;
        boolean timedOut = false;
        try {
            ByteSource source = ByteSource.of(in, ctx.state.fds.get(fd));
            // only a stream over a descriptor tells how much is waiting; on the shell's own
            // in-process pipes the timeout is not applied (a read given up on could lose bytes)
            if (timeout >= 0 && !(source instanceof Seekable) && in instanceof java.io.FileInputStream) {
                if (timeout == 0) return in.available() > 0 ? 0 : 1; // read -t 0: is input waiting?
                source = new Timed(in, (long) (timeout * 1e9));
            }
            try {
                line = readLine(source, delimiter, maxChars, raw);
            } catch (Timed.TimedOut e) {
                line = e.partial;
                timedOut = true;
            }
            source.finish();
        } catch (IOException e) {
            return ctx.fail("read", "read error: " + e.getMessage());
        }
        if (timedOut) {
            if (arrayName == null) assign(ctx, names, line);
            return 142; // 128 + SIGALRM, as bash reports a timeout
        }
        if (arrayName != null) ctx.state.variables.setArray(arrayName, fields(ctx, line));
        else assign(ctx, names, line);
        return line.eof() ? 1 : 0;
    }

    /** The characters read, which of them were escaped (and so never split), and whether input ended. */
    record Line(String text, boolean[] escaped, boolean eof) {}

    /**
     * Bytes for {@code read}: from a regular file in chunks, stepping back afterwards to just past
     * the line (as bash does with lseek); from anything else one byte at a time, since a pipe or a
     * terminal cannot give back what was read too far.
     */
    interface ByteSource {
        int read() throws IOException;

        default void finish() throws IOException {}

        static ByteSource of(InputStream in, dev.pipes.engine.world.Channel channel) {
            if (channel instanceof dev.pipes.engine.world.Channel.OpenFile file && !file.forWriting()
                    && java.nio.file.Files.isRegularFile(file.path()) && in instanceof java.io.FileInputStream fis) {
                return new Seekable(fis.getChannel());
            }
            return in::read;
        }
    }

    /**
     * {@code read -t}: bytes as they become available, until a deadline. Polls the stream's
     * {@code available()}: a pipe whose writer has gone shows no bytes either, so such an end of
     * input is seen only at the deadline.
     */
    private static final class Timed implements ByteSource {
        static final class TimedOut extends IOException {
            private static final long serialVersionUID = 1L;
            transient Line partial;
        }

        private final InputStream in;
        private final long deadline;
        ByteArrayOutputStream sofar;

        Timed(InputStream in, long nanos) {
            this.in = in;
            this.deadline = System.nanoTime() + nanos;
        }

        @Override
        public int read() throws IOException {
            while (in.available() <= 0) {
                if (System.nanoTime() >= deadline) throw new TimedOut();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TimedOut();
                }
            }
            return in.read();
        }
    }

    private static final class Seekable implements ByteSource {
        private final java.nio.channels.FileChannel channel;
        private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8192);
        private final long start;
        private long consumed;

        Seekable(java.nio.channels.FileChannel channel) {
            this.channel = channel;
            long position = 0;
            try {
                position = channel.position();
            } catch (IOException e) {
                // an unknown position: read from wherever the channel is
            }
            this.start = position;
            buffer.flip();
        }

        @Override
        public int read() throws IOException {
            if (!buffer.hasRemaining()) {
                buffer.clear();
                int n = channel.read(buffer);
                buffer.flip();
                if (n <= 0) return -1;
            }
            consumed++;
            return buffer.get() & 0xff;
        }

        @Override
        public void finish() throws IOException {
            channel.position(start + consumed);
        }
    }

    private static Line readLine(ByteSource in, int delimiter, int maxChars, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> escapedAt = new ArrayList<>();
        boolean eof = false;
        int chars = 0;
        while (maxChars < 0 || chars < maxChars) {
            int b;
            try {
                b = in.read();
            } catch (Timed.TimedOut e) {
                String partial = dev.pipes.grammar.text.ShellBytes.decode(bytes.toByteArray());
                e.partial = new Line(partial, new boolean[partial.length()], false);
                throw e;
            }
            if (b < 0) {
                eof = true;
                break;
            }
            if (b == delimiter) break;
            if (!raw && b == '\\') {
                int next = in.read();
                if (next < 0) {
                    eof = true;
                    break;
                }
                if (next == '\n') continue;
                escapedAt.add(bytes.size());
                bytes.write(next);
                chars++;
                continue;
            }
            bytes.write(b);
            chars++;
        }
        String text = dev.pipes.grammar.text.ShellBytes.decode(bytes.toByteArray());
        boolean[] escaped = new boolean[text.length()];
        if (!escapedAt.isEmpty() && text.length() == bytes.size()) {
            for (int at : escapedAt) escaped[at] = true;
        }
        return new Line(text, escaped, eof);
    }

    private static void assign(BuiltinContext ctx, List<String> names, Line line) {
        if (names.isEmpty()) {
            ctx.state.variables.set("REPLY", line.text());
            return;
        }
        String ifs = ctx.state.variables.get("IFS");
        if (ifs == null) ifs = " \t\n";
        String text = line.text();
        boolean[] escaped = line.escaped();
        int pos = 0;
        int n = text.length();
        pos = skipWhitespace(text, escaped, pos, ifs);
        for (int v = 0; v < names.size(); v++) {
            String name = names.get(v);
            if (v == names.size() - 1) {
                int end = n;
                while (end > pos && isIfsWhitespace(text.charAt(end - 1), ifs) && !escaped[end - 1]) end--;
                ctx.state.variables.set(name, text.substring(pos, end));
                return;
            }
            int start = pos;
            while (pos < n && (escaped[pos] || ifs.indexOf(text.charAt(pos)) < 0)) pos++;
            ctx.state.variables.set(name, text.substring(start, pos));
            pos = skipWhitespace(text, escaped, pos, ifs);
            if (pos < n && ifs.indexOf(text.charAt(pos)) >= 0 && !escaped[pos]) {
                pos = skipWhitespace(text, escaped, pos + 1, ifs);
            }
        }
    }

    /** Every field of the line, split on IFS ({@code read -a}). */
    private static List<String> fields(BuiltinContext ctx, Line line) {
        String ifs = ctx.state.variables.get("IFS");
        if (ifs == null) ifs = " \t\n";
        String text = line.text();
        boolean[] escaped = line.escaped();
        List<String> fields = new ArrayList<>();
        int n = text.length();
        int pos = skipWhitespace(text, escaped, 0, ifs);
        while (pos < n) {
            int start = pos;
            while (pos < n && (escaped[pos] || ifs.indexOf(text.charAt(pos)) < 0)) pos++;
            fields.add(text.substring(start, pos));
            pos = skipWhitespace(text, escaped, pos, ifs);
            if (pos < n && ifs.indexOf(text.charAt(pos)) >= 0 && !escaped[pos]) pos = skipWhitespace(text, escaped, pos + 1, ifs);
        }
        return fields;
    }

    /** {@code mapfile}/{@code readarray}: lines of input into an indexed array. */
    static int mapfile(BuiltinContext ctx, List<String> args) {
        boolean strip = false;
        int delimiter = '\n';
        long count = 0;
        long skip = 0;
        int fd = 0;
        String name = "MAPFILE";
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "-t" -> strip = true;
                    case "-n" -> count = Long.parseLong(args.get(++i));
                    case "-s" -> skip = Long.parseLong(args.get(++i));
                    case "-u" -> fd = Integer.parseInt(args.get(++i));
                    case "-d" -> {
                        String d = args.get(++i);
                        delimiter = d.isEmpty() ? 0 : d.charAt(0);
                    }
                    default -> {
                        if (arg.startsWith("-")) return ctx.usage(ctx.interpreter.builtins().get(args.get(0)), arg + ": invalid option");
                        name = arg;
                    }
                }
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return ctx.usage(ctx.interpreter.builtins().get(args.get(0)), arg + ": needs a number");
            }
        }
        InputStream in = Io.input(ctx.state, fd);
        if (in == null) return ctx.fail(args.get(0), fd + ": invalid file descriptor: Bad file descriptor");
        List<String> lines = new ArrayList<>();
        try {
            ByteSource source = ByteSource.of(in, ctx.state.fds.get(fd));
            while (count == 0 || lines.size() < count) {
                Line line = readLine(source, delimiter, -1, true);
                if (line.eof() && line.text().isEmpty()) break;
                if (skip > 0) {
                    skip--;
                } else {
                    lines.add(strip || line.eof() ? line.text() : line.text() + (char) delimiter);
                }
                if (line.eof()) break;
            }
            source.finish();
        } catch (IOException e) {
            return ctx.fail(args.get(0), "read error: " + e.getMessage());
        }
        ctx.state.variables.setArray(name, lines);
        return 0;
    }

    private static int skipWhitespace(String text, boolean[] escaped, int pos, String ifs) {
        while (pos < text.length() && !escaped[pos] && isIfsWhitespace(text.charAt(pos), ifs)) pos++;
        return pos;
    }

    private static boolean isIfsWhitespace(char c, String ifs) {
        return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
    }
}
