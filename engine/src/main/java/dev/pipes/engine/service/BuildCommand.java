package dev.pipes.engine.service;

import dev.pipes.engine.agent.RunRequest.InputMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code build NAME PATH [--input stdin|args] [--replicas N] [--description TEXT] [--agent wrapped|native]} read into a
 * {@link ServiceSpec}, with an error naming the argument that is wrong.
 */
public final class BuildCommand {
    public static final String USAGE =
            "build NAME PATH [--input stdin|args] [--replicas N] [--description TEXT] [--agent wrapped|native]"
            + " [--base IMAGE | --dockerfile FILE] [--registry HOST:PORT]";
    /** The options that only a cluster's image build takes (the runtime rejects them elsewhere). */
    public static final java.util.Set<String> IMAGE_OPTIONS = java.util.Set.of("--base", "--dockerfile", "--registry");

    private BuildCommand() {}

    /** What build was asked: the service, and the image options (in the order given; a path made absolute). */
    public record Request(ServiceSpec spec, java.util.Map<String, String> imageOptions) {
        public Request {
            imageOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(imageOptions));
        }
    }

    /** {@code args} without the command name; relative paths are taken from {@code cwd}. */
    public static ServiceSpec parse(List<String> args, Path cwd) {
        return parseRequest(args, cwd).spec();
    }

    /** As {@link #parse}, keeping the image options ({@link #IMAGE_OPTIONS}). */
    public static Request parseRequest(List<String> args, Path cwd) {
        java.util.Map<String, String> image = new java.util.LinkedHashMap<>();
        String name = null;
        String path = null;
        InputMode input = InputMode.STDIN;
        int replicas = 1;
        String description = "";
        boolean nativeAgent = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = option.equals(arg) ? null : arg.substring(arg.indexOf('=') + 1);
            if (IMAGE_OPTIONS.contains(option)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException(option + ": a value is missing");
                    value = args.get(++i);
                }
                if (value.isBlank()) throw new IllegalArgumentException(option + ": the value is empty");
                if (option.equals("--dockerfile")) {
                    Path file = cwd.resolve(value).toAbsolutePath().normalize();
                    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--dockerfile: " + value + ": no such file");
                    value = file.toString();
                }
                image.put(option, value);
                continue;
            }
            switch (option) {
                case "--input", "--replicas", "--description", "--agent" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new IllegalArgumentException(option + ": a value is missing");
                        value = args.get(++i);
                    }
                    switch (option) {
                        case "--input" -> {
                            try {
                                input = InputMode.parse(value);
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException("--input: expected stdin or args, got '" + value + "'");
                            }
                        }
                        case "--replicas" -> replicas = replicas(value);
                        case "--agent" -> {
                            try {
                                nativeAgent = ServiceSpec.agent(value);
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException("--agent: expected wrapped or native, got '" + value + "'");
                            }
                        }
                        default -> description = value;
                    }
                }
                default -> {
                    if (arg.startsWith("--")) throw new IllegalArgumentException(arg + ": unknown option");
                    if (name == null) name = arg;
                    else if (path == null) path = arg;
                    else throw new IllegalArgumentException(arg + ": unexpected argument");
                }
            }
        }
        if (name == null || path == null) throw new IllegalArgumentException("NAME and PATH are required");
        ServiceSpec.checkName(name);
        Path executable = cwd.resolve(path).toAbsolutePath().normalize();
        if (!Files.exists(executable)) throw new IllegalArgumentException(path + ": no such file");
        if (!Files.isRegularFile(executable)) throw new IllegalArgumentException(path + ": not a regular file");
        if (!Files.isExecutable(executable)) throw new IllegalArgumentException(path + ": not executable");
        if (image.containsKey("--base") && image.containsKey("--dockerfile")) {
            throw new IllegalArgumentException("--base and --dockerfile: give one of them");
        }
        return new Request(new ServiceSpec(name, executable, input, replicas, description, nativeAgent), image);
    }

    private static int replicas(String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replicas: not a number: '" + value + "'");
        }
        try {
            ServiceSpec.checkReplicas(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--replicas: " + e.getMessage());
        }
        return n;
    }
}
