package dev.pipes.engine.module;

import dev.pipes.engine.service.Services;
import dev.pipes.engine.verbs.PipesVerb;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A part of pipes that is not on the plain shell's class path: the cluster runtime, with its
 * docker-java, jetcd and gRPC jars. Each module lives in a directory of its own jars
 * ({@code modules/NAME/} beside {@code pipesh.jar}); the shell opens it with its own class loader
 * (whose parent is the shell's, so this interface and everything of the engine are shared) and
 * finds the implementation with {@link java.util.ServiceLoader}, from a
 * {@code META-INF/services/dev.pipes.engine.module.PipesModule} file in one of its jars.
 *
 * <p>A shell loads a module only when it needs it, so that a plain {@code pipesh -c} or
 * interactive start never pays for it: at start-up when the module is in charge of this
 * {@code $PIPES_HOME} (the file or directory {@code $PIPES_HOME/NAME} exists, which is how
 * {@code pipes init} records a cluster, and the mode is not forced to embedded), and otherwise
 * on the first {@code pipes} verb that the shell does not have itself, or {@code pipes help}.
 * An implementation needs a public no-argument constructor and must do nothing slow in it.
 */
public interface PipesModule {
    /** The module's directory name, e.g. {@code cluster}; also the name of its marker in {@code $PIPES_HOME}. */
    String name();

    /** The verbs this module adds to the {@code pipes} builtin ({@code pipes init}, {@code pipes status}...). */
    List<PipesVerb> verbs();

    /**
     * The services of a shell started with {@code environment} when this module runs them (cluster
     * mode), or empty to leave the shell with its embedded services. Asked once, at start-up, and
     * only when the module is in charge (see the class comment); the shell closes what it gets
     * when it exits.
     */
    default Optional<Services> services(Map<String, String> environment) {
        return Optional.empty();
    }
}
