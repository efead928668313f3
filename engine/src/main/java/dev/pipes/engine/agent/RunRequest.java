package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.WampException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments of a {@code run} call, checked: what to execute, how its input is used,
 * and where its standard output and standard error go (stream procedures, or nowhere when null).
 */
public record RunRequest(List<String> argv, InputMode input, String output, String stderr, String cwd,
                         Map<String, String> environment) {
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

    public RunRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("argv is empty");
        environment = environment == null ? null : Map.copyOf(environment);
    }

    /** The same request running {@code executable} as {@code argv[0]}. */
    public RunRequest withExecutable(String executable) {
        List<String> command = new ArrayList<>(argv);
        command.set(0, executable);
        return new RunRequest(command, input, output, stderr, cwd, environment);
    }

    /** The call's keyword arguments. */
    public Map<String, Object> toKwargs() {
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("argv", argv);
        kw.put("input", input.wire());
        if (output != null) kw.put("output", output);
        if (stderr != null) kw.put("stderr", stderr);
        if (cwd != null) kw.put("cwd", cwd);
        if (environment != null) kw.put("env", environment);
        return kw;
    }

    /** Reads a call's keyword arguments; a mistake becomes {@code wamp.error.invalid_argument} naming it. */
    public static RunRequest fromKwargs(Map<String, Object> kw) {
        try {
            List<String> argv = new ArrayList<>();
            if (!(kw.get("argv") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("argv must be a non-empty list of strings");
            }
            for (Object o : list) {
                if (!(o instanceof String s)) throw new IllegalArgumentException("argv must be a list of strings");
                argv.add(s);
            }
            InputMode input = InputMode.parse(string(kw, "input", "stdin"));
            Map<String, String> env = null;
            if (kw.get("env") instanceof Map<?, ?> map) {
                env = new LinkedHashMap<>();
                for (var e : map.entrySet()) env.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            } else if (kw.get("env") != null) {
                throw new IllegalArgumentException("env must be a dictionary of strings");
            }
            return new RunRequest(argv, input, string(kw, "output", null), string(kw, "stderr", null),
                    string(kw, "cwd", null), env);
        } catch (IllegalArgumentException e) {
            throw new WampException(StreamProtocol.ERROR_INVALID, "run: " + e.getMessage());
        }
    }

    private static String string(Map<String, Object> kw, String key, String fallback) {
        Object value = kw.get(key);
        if (value == null) return fallback;
        if (!(value instanceof String s)) throw new IllegalArgumentException(key + " must be a string");
        return s;
    }
}
