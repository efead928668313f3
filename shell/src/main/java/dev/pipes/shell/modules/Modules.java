package dev.pipes.shell.modules;

import dev.pipes.engine.module.PipesModule;
import dev.pipes.engine.service.Services;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.PipesVerbs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The modules of this pipes installation ({@link PipesModule}): each a directory of jars under
 * {@code modules/} beside {@code pipesh.jar}, opened with its own class loader the first time the
 * shell needs it and never before, so that the plain shell's class path and start-up stay free of
 * what only the cluster uses. One instance per shell; it remembers what it loaded.
 */
public final class Modules {
    /** Overrides where the module directories are (tests, packagings that put them elsewhere). */
    public static final String DIRECTORY_PROPERTY = "pipes.modules.dir";
    /** {@code embedded} forces the embedded runtime even where a module is in charge (as {@code --embedded}). */
    public static final String MODE_VARIABLE = "PIPES_MODE";

    private final Path directory;
    /** Where a module that cannot be loaded is reported, one line each, without the {@code pipesh: } prefix. */
    private final Consumer<String> warnings;
    private final Map<String, Optional<PipesModule>> loaded = new LinkedHashMap<>(); // guarded by this

    public Modules(Path directory, Consumer<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /** The modules installed beside the running pipesh (or where {@value #DIRECTORY_PROPERTY} says). */
    public static Modules installed(Consumer<String> warnings) {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return new Modules(configured != null ? Path.of(configured) : besideTheShell(), warnings);
    }

    private static Path besideTheShell() {
        try {
            // pipesh.jar (or, in the build's own tests, the classes directory) sits in target/
            Path code = Path.of(Modules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.resolveSibling("modules");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("modules");
        }
    }

    /**
     * The services of a shell started with {@code environment}: those of the module in charge of
     * its {@code $PIPES_HOME} (the marker {@code $PIPES_HOME/NAME} exists), unless the mode is
     * forced to embedded; else the embedded ones. Costs one directory listing when no module is
     * installed, and one file test per installed module.
     */
    public Services services(Map<String, String> environment, boolean forceEmbedded) {
        if (!forceEmbedded && !"embedded".equals(environment.get(MODE_VARIABLE))) {
            Path home = Services.home(environment);
            for (String name : names()) {
                if (!Files.exists(home.resolve(name))) continue;
                Optional<Services> services = module(name).flatMap(m -> m.services(environment));
                if (services.isPresent()) return services.get();
            }
        }
        return Services.embedded(environment);
    }

    /** The verbs of every installed module, deferred: no module is loaded until one is asked for. */
    public PipesVerbs verbs(PipesVerbs shellOwn) {
        return shellOwn.withDeferred(this::allVerbs);
    }

    private List<PipesVerb> allVerbs() {
        List<PipesVerb> verbs = new ArrayList<>();
        for (String name : names()) module(name).ifPresent(m -> verbs.addAll(m.verbs()));
        return verbs;
    }

    /** The installed module directories' names, sorted. */
    List<String> names() {
        if (!Files.isDirectory(directory)) return List.of();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path entry : entries) names.add(entry.getFileName().toString());
        } catch (IOException e) {
            warnings.accept("cannot list the modules in " + directory + ": " + e.getMessage());
        }
        names.sort(null);
        return names;
    }

    /** Whether the module in {@code modules/NAME} was loaded (tests: the seam must stay lazy). */
    synchronized boolean isLoaded(String name) {
        return loaded.containsKey(name);
    }

    /** The module in {@code modules/NAME}, loaded once; empty (and said once) when it cannot be. */
    synchronized Optional<PipesModule> module(String name) {
        return loaded.computeIfAbsent(name, this::load);
    }

    private Optional<PipesModule> load(String name) {
        Path home = directory.resolve(name);
        try {
            List<URL> jars = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(home, "*.jar")) {
                for (Path jar : entries) jars.add(jar.toUri().toURL());
            }
            jars.sort(java.util.Comparator.comparing(URL::toString)); // a stable order: the same classes win every time
            URLClassLoader loader = new URLClassLoader("pipes-module-" + name, jars.toArray(URL[]::new),
                    Modules.class.getClassLoader());
            for (PipesModule module : ServiceLoader.load(PipesModule.class, loader)) {
                // the parent's providers are found too: keep only those of this directory
                if (module.getClass().getClassLoader() == loader || module.name().equals(name)) return Optional.of(module);
            }
            warnings.accept("module " + name + " (" + home + ") has no " + PipesModule.class.getName() + " provider");
        } catch (IOException | ServiceConfigurationError | LinkageError e) {
            warnings.accept("cannot load module " + name + " from " + home + ": " + describe(e));
        }
        return Optional.empty();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
