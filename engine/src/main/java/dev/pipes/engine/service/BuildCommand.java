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
            "build NAME PATH [--input stdin|args] [--replicas N] [--description TEXT] [--agent wrapped|native]";

    private BuildCommand() {}

    /** {@code args} without the command name; relative paths are taken from {@code cwd}. */
    public static ServiceSpec parse(List<String> args, Path cwd) {
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
        return new ServiceSpec(name, executable, input, replicas, description, nativeAgent);
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
