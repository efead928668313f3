package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.agent.RunRequest.InputMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build's arguments, the registry in the embedded store, and service references. */
class ServiceRegistryTest {
    @TempDir
    Path dir;
    Path tool;

    @BeforeEach
    void tool() throws Exception {
        tool = dir.resolve("tool.sh");
        Files.writeString(tool, "#!/bin/sh\ncat\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("plain.txt"), "not executable");
    }

    private ServiceSpec parse(String... args) {
        return BuildCommand.parse(List.of(args), dir);
    }

    private String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void buildReadsItsOptions() {
        ServiceSpec spec = parse("wc2", "tool.sh", "--input", "args", "--replicas=3", "--description", "counts words");
        assertEquals(new ServiceSpec("wc2", tool, InputMode.ARGS, 3, "counts words", false), spec);
        assertTrue(parse("n", "./tool.sh", "--agent", "native").nativeAgent());
        assertEquals(InputMode.STDIN, parse("n", tool.toString()).input());
    }

    @Test
    void buildNamesWhatIsWrong() {
        assertEquals("NAME and PATH are required", error("only-name"));
        assertEquals("missing.sh: no such file", error("x", "missing.sh"));
        assertEquals("plain.txt: not executable", error("x", "plain.txt"));
        assertEquals(".: not a regular file", error("x", "."));
        assertEquals("--input: expected stdin or args, got 'file'", error("x", "tool.sh", "--input", "file"));
        assertEquals("--replicas: not a number: 'two'", error("x", "tool.sh", "--replicas", "two"));
        assertEquals("--replicas: replicas must be between 1 and 64, got 0", error("x", "tool.sh", "--replicas", "0"));
        assertEquals("--replicas: a value is missing", error("x", "tool.sh", "--replicas"));
        assertEquals("--force: unknown option", error("x", "tool.sh", "--force"));
        assertEquals("extra: unexpected argument", error("x", "tool.sh", "extra"));
        assertTrue(error("a/b", "tool.sh").startsWith("invalid service name 'a/b'"));
        assertTrue(error("svc@2", "tool.sh").startsWith("invalid service name 'svc@2'"));
    }

    @Test
    void servicesSurviveARestartAndRebuildingReplaces() {
        Path home = dir.resolve("home");
        ServiceRegistry first = new ServiceRegistry(new FileConfigStore(home));
        assertFalse(first.build(parse("up", "tool.sh")));
        assertTrue(first.build(parse("up", "tool.sh", "--replicas", "2")));
        first.build(parse("another", "tool.sh", "--description", "with = and : and \u00e9"));
        ServiceRegistry second = new ServiceRegistry(new FileConfigStore(home));
        assertEquals(2, second.find("up").orElseThrow().replicas());
        assertEquals(List.of("another", "up"), second.all().stream().map(ServiceSpec::name).toList());
        assertEquals("with = and : and \u00e9", second.find("another").orElseThrow().description());
        assertTrue(second.remove("up"));
        assertFalse(second.remove("up"));
        assertEquals(Optional.empty(), new ServiceRegistry(new FileConfigStore(home)).find("up"));
    }

    @Test
    void aCorruptEntryIsReportedWithItsKey() throws Exception {
        FileConfigStore store = new FileConfigStore(dir.resolve("home"));
        store.put("services/bad", "name=bad\n");
        String message = assertThrows(IllegalArgumentException.class, () -> new ServiceRegistry(store).all()).getMessage();
        assertEquals("corrupt service entry services/bad: no executable", message);
    }

    @Test
    void theStoreRefusesKeysThatLeaveIt() {
        FileConfigStore store = new FileConfigStore(dir.resolve("home"));
        assertThrows(IllegalArgumentException.class, () -> store.put("../escape", "x"));
        assertThrows(IllegalArgumentException.class, () -> store.put("a//b", "x"));
        store.put("a/b", "1");
        assertEquals(Optional.of("1"), store.get("a/b"));
        assertEquals(1, store.list("a/").size());
    }

    @Test
    void serviceReferencesNameReplicasWithAnAt() {
        assertEquals(Optional.of(new ServiceRef("wc", OptionalInt.empty())), ServiceRef.parse("wc"));
        assertEquals(Optional.of(new ServiceRef("wc", OptionalInt.of(4))), ServiceRef.parse("wc@4"));
        assertEquals(Optional.empty(), ServiceRef.parse("wc@0"));
        assertEquals(Optional.empty(), ServiceRef.parse("wc@65"));
        assertEquals(Optional.empty(), ServiceRef.parse("wc@x"));
        assertEquals(Optional.empty(), ServiceRef.parse("user@host"));
        assertEquals(Optional.empty(), ServiceRef.parse("./wc"));
    }

    @Test
    void lookupFindsBuiltServicesOnly() {
        Services services = new Services(new ServiceRegistry(new FileConfigStore(dir.resolve("home"))),
                dev.pipes.engine.runtime.LocalProcessRuntime.Link.IN_MEMORY);
        services.registry().build(parse("up", "tool.sh"));
        assertEquals(Optional.of("up"), services.lookup("up"));
        assertEquals(Optional.of("up@3"), services.lookup("up@3"));
        assertEquals(Optional.empty(), services.lookup("down"));
        assertEquals(Optional.empty(), services.lookup("down@3"));
        services.close();
    }

    @Test
    void theImageOptionsAreKeptForTheRuntimeWhichAloneMayTakeThem() throws Exception {
        Files.createDirectories(dir.resolve("img"));
        Files.writeString(dir.resolve("img/Dockerfile"), "FROM scratch\n");
        BuildCommand.Request request = BuildCommand.parseRequest(
                List.of("t", "tool.sh", "--dockerfile", "img/Dockerfile", "--registry=10.0.0.1:5000"), dir);
        assertEquals(java.util.Map.of("--dockerfile", dir.resolve("img/Dockerfile").toString(), "--registry", "10.0.0.1:5000"),
                request.imageOptions());
        assertEquals("--base and --dockerfile: give one of them",
                error("t", "tool.sh", "--base", "x:1", "--dockerfile", "img/Dockerfile"));
        assertEquals("--dockerfile: nothing/Dockerfile: no such file", error("t", "tool.sh", "--dockerfile", "nothing/Dockerfile"));
        String embedded = assertThrows(IllegalArgumentException.class, () -> ServiceRuntime.none()
                .prepare(request.spec(), request.imageOptions(), line -> { })).getMessage();
        assertEquals("--dockerfile: only in cluster mode (see pipes init)", embedded);
    }
}
