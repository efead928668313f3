package dev.pipes.docker.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an executable needs to run in an image of its own: the shared libraries {@code ldd} lists
 * (the dynamic loader included), and for a script its {@code #!} interpreter with that one's
 * libraries. A statically linked executable needs nothing.
 */
public final class SharedLibraries {
    private static final Pattern ARROW = Pattern.compile("=>\\s*(/\\S+)");
    private static final Pattern PLAIN = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x");

    private SharedLibraries() {}

    /** The files {@code executable} loads (absolute host paths), and its interpreter's when it is a script. */
    public static List<Path> of(Path executable) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        Path interpreter = interpreter(executable);
        if (interpreter != null) {
            out.add(interpreter);
            out.addAll(ldd(interpreter));
        } else {
            out.addAll(ldd(executable));
        }
        return new ArrayList<>(out);
    }

    /** The interpreter of a {@code #!} script, or null. */
    static Path interpreter(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        }
        if (head.length < 3 || head[0] != '#' || head[1] != '!') return null;
        String line = new String(head, 2, head.length - 2, StandardCharsets.UTF_8).split("\n", 2)[0].strip();
        String path = line.split("\\s+", 2)[0];
        if (path.isEmpty() || !path.startsWith("/")) throw new IOException(file + ": the #! line names no absolute interpreter");
        Path p = Path.of(path);
        if (!Files.isExecutable(p)) throw new IOException(file + ": its interpreter " + p + " is missing here");
        return p;
    }

    /** The libraries ldd lists for {@code file}; empty for a static executable or a file ldd does not know. */
    public static List<Path> ldd(Path file) throws IOException {
        return ldd(file, true);
    }

    /**
     * As {@link #ldd(Path)}; with {@code strict} false a library ldd cannot find is skipped (a JRE's
     * own libraries, such as libjvm.so, are found through the JRE's paths when it runs, not by ldd).
     */
    public static List<Path> ldd(Path file, boolean strict) throws IOException {
        Process p = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ldd " + file + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running ldd " + file);
        }
        List<Path> libs = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains("not found")) {
                if (!strict) continue;
                throw new IOException(file + ": a library is missing on this host: " + line.strip());
            }
            Matcher m = ARROW.matcher(line);
            if (m.find()) {
                libs.add(Path.of(m.group(1)));
                continue;
            }
            m = PLAIN.matcher(line);
            if (m.find()) libs.add(Path.of(m.group(1)));
        }
        return libs;
    }
}
