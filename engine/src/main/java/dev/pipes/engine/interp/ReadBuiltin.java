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
        List<String> names = new ArrayList<>();
        int i = 1;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.length() < 2) break;
            switch (arg) {
                case "-r" -> raw = true;
                case "-s" -> { }
                case "-p", "-d", "-n", "-t", "-u" -> {
                    if (i + 1 >= args.size()) return ctx.usage(ctx.interpreter.builtins().get("read"), arg + ": option requires an argument");
                    String value = args.get(++i);
                    try {
                        switch (arg) {
                            case "-p" -> prompt = value;
                            case "-d" -> delimiter = value.isEmpty() ? 0 : value.charAt(0);
                            case "-n" -> maxChars = Integer.parseInt(value);
                            case "-u" -> fd = Integer.parseInt(value);
                            default -> { }
                        }
                    } catch (NumberFormatException e) {
                        return ctx.fail("read", value + ": invalid number");
                    }
                }
                default -> {
                    if (arg.matches("-[rs]+")) {
                        raw |= arg.contains("r");
                    } else {
                        return ctx.usage(ctx.interpreter.builtins().get("read"), arg + ": invalid option");
                    }
                }
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
        try {
            ByteSource source = ByteSource.of(in, ctx.state.fds.get(fd));
            line = readLine(source, delimiter, maxChars, raw);
            source.finish();
        } catch (IOException e) {
            return ctx.fail("read", "read error: " + e.getMessage());
        }
        assign(ctx, names, line);
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
            int b = in.read();
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

    private static int skipWhitespace(String text, boolean[] escaped, int pos, String ifs) {
        while (pos < text.length() && !escaped[pos] && isIfsWhitespace(text.charAt(pos), ifs)) pos++;
        return pos;
    }

    private static boolean isIfsWhitespace(char c, String ifs) {
        return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
    }
}
