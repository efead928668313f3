package dev.pipes.shell.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.agent.RunRequest.InputMode;
import dev.pipes.engine.service.ServiceSpec;
import dev.pipes.engine.service.Services;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.PipesVerbs;
import dev.pipes.engine.verbs.VerbCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam through which the shell reaches code that is not on its class path: a module compiled
 * here into a jar of its own (so that only the module's class loader can load it), found in
 * {@code modules/NAME/}, loaded only when a verb of it is asked for or when it is in charge.
 */
class ModulesTest {
    /** A module with a verb {@code hello} and, when its marker says so, services of its own store. */
    private static final String MODULE_SOURCE = """
            package test.module;
            import dev.pipes.engine.module.PipesModule;
            import dev.pipes.engine.agent.RunRequest.InputMode;
import dev.pipes.engine.service.ServiceSpec;
import dev.pipes.engine.service.Services;
            import dev.pipes.engine.verbs.PipesVerb;
            import dev.pipes.engine.verbs.VerbCall;
            import java.nio.file.Path;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            public final class FakeCluster implements PipesModule {
                public String name() { return "fake"; }
                public List<PipesVerb> verbs() {
                    return List.of(new PipesVerb() {
                        public String name() { return "hello"; }
                        public String usage() { return "pipes hello"; }
                        public String summary() { return "greets from a module"; }
                        public int run(VerbCall call) { call.println("hello from " + getClass().getClassLoader().getName()); return 7; }
                    });
                }
                public Optional<Services> services(Map<String, String> environment) {
                    return Optional.of(Services.embedded(Path.of(environment.get("FAKE_STORE"))));
                }
            }
            """;

    @TempDir
    static Path built;
    private static Path moduleJar;

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void compileTheModule() throws IOException {
        Path source = Files.createDirectories(built.resolve("src/test/module")).resolve("FakeCluster.java");
        Files.writeString(source, MODULE_SOURCE);
        Path classes = Files.createDirectories(built.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertEquals(0, status, "the test module does not compile");
        moduleJar = built.resolve("fake-module.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(moduleJar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                jar.write(Files.readAllBytes(file));
            }
            jar.putNextEntry(new JarEntry("META-INF/services/dev.pipes.engine.module.PipesModule"));
            jar.write("test.module.FakeCluster\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private Modules installed() throws IOException {
        Path modules = dir.resolve("modules");
        Files.copy(moduleJar, Files.createDirectories(modules.resolve("fake")).resolve("fake-module.jar"));
        return new Modules(modules, warnings::add);
    }

    private Map<String, String> environment(Path home) {
        return Map.of("PIPES_HOME", home.toString(), "FAKE_STORE", dir.resolve("fake-store").toString());
    }

    @Test
    void withoutModulesTheShellHasItsOwnVerbsAndEmbeddedServices() {
        Modules modules = new Modules(dir.resolve("no-such-directory"), warnings::add);
        PipesVerbs verbs = modules.verbs(PipesVerbs.none());
        assertTrue(verbs.find("hello").isEmpty());
        assertTrue(verbs.all().isEmpty());
        try (Services services = modules.services(environment(dir.resolve("home")), false)) {
            assertTrue(services.registry().all().isEmpty());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aModuleIsLoadedOnlyWhenOneOfItsVerbsIsAskedFor() throws Exception {
        Modules modules = installed();
        PipesVerbs verbs = modules.verbs(PipesVerbs.none());
        Services services = modules.services(environment(dir.resolve("home")), false); // not in charge: no marker
        services.close();
        assertFalse(modules.isLoaded("fake"), "nothing asked for the module yet");

        PipesVerb hello = verbs.find("hello").orElseThrow();
        assertTrue(modules.isLoaded("fake"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = hello.run(new VerbCall(List.of("hello"), InputStream.nullInputStream(), out,
                OutputStream.nullOutputStream(), dir, Map.of()));
        assertEquals(7, status);
        assertEquals("hello from pipes-module-fake\n", out.toString(StandardCharsets.UTF_8), "loaded by the module's own loader");
        assertNotSame(getClass().getClassLoader(), hello.getClass().getClassLoader());
        assertEquals(List.of("hello"), verbs.all().stream().map(PipesVerb::name).toList());
        assertSame(hello, verbs.find("hello").orElseThrow(), "loaded once");
        assertEquals(List.of(), warnings);
    }

    @Test
    void aModuleInChargeOfPipesHomeGivesTheShellItsServicesUnlessTheModeIsForcedEmbedded() throws Exception {
        Modules modules = installed();
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("fake"), "recorded by the module's init\n");
        Path moduleStore = dir.resolve("fake-store");

        try (Services services = modules.services(environment(home), false)) {
            assertTrue(buildsInto(services, moduleStore, "first"), "the module's services");
        }
        try (Services services = modules.services(environment(home), true)) {
            assertTrue(buildsInto(services, home, "second"), "--embedded");
        }
        Map<String, String> forced = new java.util.HashMap<>(environment(home));
        forced.put(Modules.MODE_VARIABLE, "embedded");
        try (Services services = modules.services(forced, false)) {
            assertTrue(buildsInto(services, home, "third"), "PIPES_MODE=embedded");
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aBrokenModuleIsReportedAndOffersNothing() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("modules/broken"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(broken.resolve("broken.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/services/dev.pipes.engine.module.PipesModule"));
            jar.write("test.module.Missing\n".getBytes(StandardCharsets.UTF_8));
        }
        Modules modules = new Modules(dir.resolve("modules"), warnings::add);
        PipesVerbs verbs = modules.verbs(PipesVerbs.none());
        assertTrue(verbs.find("init").isEmpty());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot load module broken from " + broken), warnings.get(0));
        assertTrue(verbs.all().isEmpty());
        assertEquals(1, warnings.size(), "said once");
    }

    /** Whether a service built with {@code services} lands in the embedded store of {@code home}. */
    private static boolean buildsInto(Services services, Path home, String name) {
        services.registry().build(new ServiceSpec(name, Path.of("/bin/true"), InputMode.STDIN, 1, ""));
        return Services.embedded(home).registry().find(name).isPresent();
    }
}
