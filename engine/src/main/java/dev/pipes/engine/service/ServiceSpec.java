package dev.pipes.engine.service;

import dev.pipes.engine.agent.RunRequest.InputMode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A service as {@code build} registered it: the executable it wraps, how that uses its input, how
 * many replicas share its work and what it is for.
 */
public record ServiceSpec(String name, Path executable, InputMode input, int replicas, String description,
                          boolean nativeAgent) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    public static final int MAX_REPLICAS = 64;

    /** A service whose executable is wrapped by pipes' own stage agent. */
    public ServiceSpec(String name, Path executable, InputMode input, int replicas, String description) {
        this(name, executable, input, replicas, description, false);
    }

    public ServiceSpec {
        checkName(name);
        if (!executable.isAbsolute()) throw new IllegalArgumentException("the executable path must be absolute: " + executable);
        checkReplicas(replicas);
        description = description == null ? "" : description;
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid service name '" + name
                    + "': use letters, digits, '_' and '-', starting with a letter or '_'");
        }
    }

    static void checkReplicas(int replicas) {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas must be between 1 and " + MAX_REPLICAS + ", got " + replicas);
        }
    }

    /** The spec as the store keeps it (a properties text). */
    public String encode() {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("executable", executable.toString());
        p.setProperty("input", input.wire());
        p.setProperty("replicas", Integer.toString(replicas));
        p.setProperty("description", description);
        p.setProperty("agent", nativeAgent ? "native" : "wrapped");
        StringWriter out = new StringWriter();
        try {
            p.store(out, "pipes service");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads what {@link #encode} wrote; {@code where} names the entry in errors. */
    public static ServiceSpec decode(String text, String where) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new ServiceSpec(required(p, "name"), Path.of(required(p, "executable")),
                    InputMode.parse(p.getProperty("input", "stdin")), Integer.parseInt(p.getProperty("replicas", "1")),
                    p.getProperty("description", ""), agent(p.getProperty("agent", "wrapped")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt service entry " + where + ": " + e.getMessage(), e);
        }
    }

    /** {@code wrapped}: pipes' agent wraps the executable; {@code native}: the executable is an agent itself. */
    static boolean agent(String text) {
        return switch (text) {
            case "wrapped" -> false;
            case "native" -> true;
            default -> throw new IllegalArgumentException("agent must be wrapped or native, got '" + text + "'");
        };
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) throw new IllegalArgumentException("no " + key);
        return value;
    }
}
