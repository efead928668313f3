package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.grammar.text.ShellBytes;
import dev.pipes.wamp.client.WampException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments of a {@code run} call, checked (docs/protocol.md, run): what to execute,
 * how its input is used, where its standard output and standard error go, and the stage
 * instance's place in its joints (how many writers feed it, which replica it is, how many readers
 * its output has and how its output is cut into blocks).
 */
public record RunRequest(List<String> argv, InputMode input, List<Target> output, Target stderr, String cwd,
                         Map<String, String> environment, Joints joints) {
    /** How a stage uses its input: as standard input, or each line as the arguments of one run. */
    public enum InputMode {
        STDIN, ARGS;

        public static InputMode parse(String text) {
            return switch (text) {
                case "stdin" -> STDIN;
                case "args" -> ARGS;
                default -> throw new IllegalArgumentException("input must be stdin or args, got '" + text + "'");
            };
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A stream procedure to write to, and where its reader serves it (empty: through the central router). */
    public record Target(String procedure, List<String> endpoints) {
        public Target {
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        }

        public static Target central(String procedure) {
            return new Target(procedure, List.of());
        }
    }

    /**
     * The instance's place in its joints: {@code writers} feed its input; it is replica
     * {@code replica} of {@code replicas}; it writes as writer {@code writer} of its output joint,
     * cutting its output into blocks of {@code blockSize} bytes when that has several readers.
     */
    public record Joints(int writers, int replica, int replicas, int writer, long blockSize) {
        public static final Joints PLAIN = new Joints(1, 0, 1, 0, 0);

        public Joints {
            if (writers < 1 || writers > StreamProtocol.MAX_WRITERS) throw new IllegalArgumentException("writers must be 1.." + StreamProtocol.MAX_WRITERS);
            if (replicas < 1 || replicas > StreamProtocol.MAX_WRITERS) throw new IllegalArgumentException("replicas must be 1.." + StreamProtocol.MAX_WRITERS);
            if (replica < 0 || replica >= replicas) throw new IllegalArgumentException("replica must be 0.." + (replicas - 1));
            if (writer < 0 || writer >= StreamProtocol.MAX_WRITERS) throw new IllegalArgumentException("writer must be 0.." + (StreamProtocol.MAX_WRITERS - 1));
        }

        /** A replica runs its executable once per block of its input. */
        public boolean replicated() {
            return replicas > 1;
        }
    }

    public RunRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("argv is empty");
        output = List.copyOf(output);
        environment = environment == null ? null : Map.copyOf(environment);
        joints = joints == null ? Joints.PLAIN : joints;
    }

    /** A plain request: one output (or none), everything through the central router. */
    public static RunRequest plain(List<String> argv, InputMode input, String output, String stderr, String cwd,
                                   Map<String, String> environment) {
        return new RunRequest(argv, input, output == null ? List.of() : List.of(Target.central(output)),
                stderr == null ? null : Target.central(stderr), cwd, environment, Joints.PLAIN);
    }

    /** Whether the output is a block joint: several readers, or this instance is a replica. */
    public boolean blockOutput() {
        return output.size() > 1 || joints.replicated();
    }

    /** The same request running {@code executable} as {@code argv[0]}. */
    public RunRequest withExecutable(String executable) {
        List<String> command = new ArrayList<>(argv);
        command.set(0, executable);
        return new RunRequest(command, input, output, stderr, cwd, environment, joints);
    }

    /** The call's keyword arguments. */
    public Map<String, Object> toKwargs() {
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("argv", argv);
        // a string on the wire is Unicode: bytes that are not UTF-8 travel beside it as base64
        if (argv.stream().anyMatch(ShellBytes::hasRawBytes)) kw.put("argv_bytes", argv.stream().map(RunRequest::base64).toList());
        if (environment != null && environment.entrySet().stream()
                .anyMatch(e -> ShellBytes.hasRawBytes(e.getKey()) || ShellBytes.hasRawBytes(e.getValue()))) {
            kw.put("env_bytes", environment.entrySet().stream().map(e -> base64(e.getKey() + "=" + e.getValue())).toList());
        }
        kw.put("input", input.wire());
        if (output.size() == 1) {
            kw.put("output", output.get(0).procedure());
            if (!output.get(0).endpoints().isEmpty()) kw.put("output_endpoints", output.get(0).endpoints());
        } else if (output.size() > 1) {
            kw.put("output", output.stream().map(Target::procedure).toList());
            kw.put("output_endpoints", output.stream().map(Target::endpoints).toList());
        }
        if (stderr != null) {
            kw.put("stderr", stderr.procedure());
            if (!stderr.endpoints().isEmpty()) kw.put("stderr_endpoints", stderr.endpoints());
        }
        if (cwd != null) kw.put("cwd", cwd);
        if (environment != null) kw.put("env", environment);
        if (!joints.equals(Joints.PLAIN)) {
            kw.put("writers", joints.writers());
            kw.put("replica", joints.replica());
            kw.put("replicas", joints.replicas());
            kw.put("writer", joints.writer());
            if (joints.blockSize() > 0) kw.put("block_size", joints.blockSize());
        }
        return kw;
    }

    /** Reads a call's keyword arguments; a mistake becomes {@code wamp.error.invalid_argument} naming it. */
    public static RunRequest fromKwargs(Map<String, Object> kw) {
        try {
            List<String> argv = strings(kw.get("argv"), "argv");
            if (argv.isEmpty()) throw new IllegalArgumentException("argv must be a non-empty list of strings");
            InputMode input = InputMode.parse(string(kw, "input", "stdin"));
            Map<String, String> env = null;
            if (kw.get("env") instanceof Map<?, ?> map) {
                env = new LinkedHashMap<>();
                for (var e : map.entrySet()) env.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            } else if (kw.get("env") != null) {
                throw new IllegalArgumentException("env must be a dictionary of strings");
            }
            List<Target> output = targets(kw.get("output"), kw.get("output_endpoints"));
            String stderr = string(kw, "stderr", null);
            Target err = stderr == null ? null : new Target(stderr, kw.get("stderr_endpoints") == null ? List.of()
                    : strings(kw.get("stderr_endpoints"), "stderr_endpoints"));
            int replica = integer(kw, "replica", 0);
            Joints joints = new Joints(integer(kw, "writers", 1), replica, integer(kw, "replicas", 1),
                    integer(kw, "writer", replica), kw.get("block_size") instanceof Number n ? n.longValue() : 0);
            if (output.size() > 1 && !joints.replicated() && joints.blockSize() <= 0) {
                throw new IllegalArgumentException("block_size must be given with a list of outputs");
            }
            if (kw.get("argv_bytes") != null) {
                List<String> exact = fromBase64(strings(kw.get("argv_bytes"), "argv_bytes"), "argv_bytes");
                if (exact.size() != argv.size()) throw new IllegalArgumentException("argv_bytes must be as long as argv");
                argv = exact;
            }
            if (kw.get("env_bytes") != null) {
                env = new LinkedHashMap<>();
                for (String entry : fromBase64(strings(kw.get("env_bytes"), "env_bytes"), "env_bytes")) {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) throw new IllegalArgumentException("env_bytes entries must be NAME=value");
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return new RunRequest(argv, input, output, err, string(kw, "cwd", null), env, joints);
        } catch (IllegalArgumentException e) {
            throw new WampException(StreamProtocol.ERROR_INVALID, "run: " + e.getMessage());
        }
    }

    private static List<Target> targets(Object output, Object endpoints) {
        if (output == null) return List.of();
        if (output instanceof String procedure) {
            return List.of(new Target(procedure, endpoints == null ? List.of() : strings(endpoints, "output_endpoints")));
        }
        List<String> procedures = strings(output, "output");
        if (procedures.isEmpty()) throw new IllegalArgumentException("output must be a URI or a non-empty list of URIs");
        List<?> perReader = endpoints == null ? null : endpoints instanceof List<?> l ? l : null;
        if (endpoints != null && (perReader == null || perReader.size() != procedures.size())) {
            throw new IllegalArgumentException("output_endpoints must list one list of URLs per output");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < procedures.size(); i++) {
            targets.add(new Target(procedures.get(i), perReader == null ? List.of() : strings(perReader.get(i), "output_endpoints")));
        }
        return targets;
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(ShellBytes.encode(text));
    }

    private static List<String> fromBase64(List<String> encoded, String key) {
        List<String> out = new ArrayList<>();
        for (String e : encoded) {
            try {
                out.add(ShellBytes.decode(java.util.Base64.getDecoder().decode(e)));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(key + " must be a list of base64 strings");
            }
        }
        return out;
    }

    private static List<String> strings(Object value, String key) {
        if (!(value instanceof List<?> list)) throw new IllegalArgumentException(key + " must be a list of strings");
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) throw new IllegalArgumentException(key + " must be a list of strings");
            out.add(s);
        }
        return out;
    }

    private static int integer(Map<String, Object> kw, String key, int fallback) {
        Object value = kw.get(key);
        if (value == null) return fallback;
        if (!(value instanceof Number n)) throw new IllegalArgumentException(key + " must be an integer");
        return n.intValue();
    }

    private static String string(Map<String, Object> kw, String key, String fallback) {
        Object value = kw.get(key);
        if (value == null) return fallback;
        if (!(value instanceof String s)) throw new IllegalArgumentException(key + " must be a string");
        return s;
    }
}
