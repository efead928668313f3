package dev.pipes.engine.service;

import dev.pipes.engine.plan.ServiceRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything the interpreter asks of services, one way in: command resolution looks names up here
 * (between builtins and PATH), {@code explain} asks where a stage runs, {@code build} and
 * {@code services} use the registry, and the executor starts each run of adjacent service stages
 * here. {@link Services} is pipes' own (embedded, or a cluster's runtime behind it); {@link #none()}
 * is a shell without services.
 */
public interface ServiceRuntime {
    /** The shell variable that sets the block size of replicated stages for a pipeline (bytes). */
    String BLOCK_SIZE_VARIABLE = "PIPES_BLOCK_SIZE";
    /** The shell variable that, set to 0, turns fusion off: every service stage runs through its agent. */
    String FUSE_VARIABLE = "PIPES_FUSE";

    /** The service a command name stands for ({@code NAME}, or {@code NAME@N}), if any. */
    Optional<String> lookup(String name);

    /**
     * How a service's stage runs: where, whether fused (with {@code fuse}, a stage that can run as a
     * plain local process joined by OS pipes does), and which protocol its agent speaks.
     */
    ServiceRoute route(String reference, boolean fuse);

    /** The services built so far; {@link ServicesUnavailableException} in a shell without services. */
    ServiceRegistry registry();

    /** Where service {@code name} runs and from what, for {@code services} (a cluster's image and nodes); empty: nothing to add. */
    default Optional<String> deployment(String name) {
        return Optional.empty();
    }

    /** The mode the prompt and {@code explain} show: {@code embedded}, or {@code cluster NAME}. */
    default String mode() {
        return "embedded";
    }

    /**
     * Prepares what {@code spec} needs to run before {@code build} registers it (in a cluster, its
     * image); {@code options} are build's options beyond the registry's, {@code progress} prints a
     * line for the user. Throws {@link IllegalArgumentException} for an option this runtime does not
     * take, or when the preparation fails (nothing is registered then).
     */
    default void prepare(ServiceSpec spec, Map<String, String> options, Consumer<String> progress) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(options.keySet().iterator().next() + ": only in cluster mode (see pipes init)");
        }
    }

    /** One service stage as the executor wired it: the plan's name for it, its argv and its I/O. */
    record StageRequest(String reference, List<String> argv, StageIo io) {
        public StageRequest {
            argv = List.copyOf(argv);
        }
    }

    /**
     * A started run of service stages: each stage's status; {@code feedersStopped} completes once
     * the stages ended and nothing reads the shell's inputs for them any more (the shell reports the
     * pipeline done only then); {@code cancel} stops every stage (kill %N, Ctrl-C).
     */
    record Started(List<CompletableFuture<Integer>> statuses, CompletableFuture<Void> feedersStopped, Runnable cancel) {}

    /**
     * Starts adjacent service stages with the shell's working directory and exported environment;
     * {@code errors} prints a line for the user. Throws {@link IllegalArgumentException} naming the
     * stage when one cannot be resolved (a service removed since the plan was made), and
     * {@link ServicesUnavailableException} in a shell without services; nothing runs then.
     */
    Started start(List<StageRequest> stages, Path cwd, Map<String, String> environment, Consumer<String> errors);

    /** A shell without services: no name is a service, and whatever needs one says so. */
    static ServiceRuntime none() {
        return new ServiceRuntime() {
            @Override
            public Optional<String> lookup(String name) {
                return Optional.empty();
            }

            @Override
            public ServiceRoute route(String reference, boolean fuse) {
                return ServiceRoute.agent("no runtime", ServiceRoute.UNKNOWN);
            }

            @Override
            public ServiceRegistry registry() {
                throw new ServicesUnavailableException();
            }

            @Override
            public Started start(List<StageRequest> stages, Path cwd, Map<String, String> environment,
                                 Consumer<String> errors) {
                throw new ServicesUnavailableException();
            }
        };
    }
}
