package dev.pipes.completions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.completions.spec.ArgumentKind;
import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.OptionSpec;
import dev.pipes.completions.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidates in each position, against a made-up shell, catalog, PATH and directory. */
class CompleterTest {
    @TempDir
    Path root;
    private FakeShellFacts facts;
    private InMemoryServiceCatalog catalog;
    private Completer completer;

    @BeforeEach
    void setUp() throws IOException {
        Path work = Files.createDirectories(root.resolve("work"));
        Files.createDirectories(work.resolve("src/main"));
        Files.writeString(work.resolve("src/notes.txt"), "");
        Files.writeString(work.resolve("readme.md"), "");
        Files.writeString(work.resolve("run me.sh"), "");
        Files.writeString(work.resolve(".hidden"), "");
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String name : List.of("grep", "gzip", "sort")) executable(bin.resolve(name));
        Files.writeString(bin.resolve("grepnotexec"), "");
        Path home = Files.createDirectories(root.resolve("home"));
        Files.createDirectories(home.resolve("Documents"));

        facts = new FakeShellFacts(work);
        facts.variables.put("PATH", bin.toString());
        facts.variables.put("HOME", home.toString());
        facts.variables.put("GREETING", "hello");
        facts.functions.add("greet");
        facts.builtins.add(new CommandSpec("echo", "Print arguments", List.of(
                new OptionSpec(List.of("-n"), "", List.of(), "No newline"),
                new OptionSpec(List.of("-e"), "", List.of(), "Interpret escapes")), List.of(ArgumentKind.FILES), List.of()));
        facts.builtins.add(new CommandSpec("fg", "Resume a job in the foreground", List.of(), List.of(ArgumentKind.FILES), List.of()));
        facts.jobs.add(new NamedEntry("1", "sleep 100 | wc"));
        facts.jobs.add(new NamedEntry("2", "svc_a"));
        catalog = InMemoryServiceCatalog.of(
                List.of(new NamedEntry("grepsvc", "Greps across the cluster"), new NamedEntry("wordcount", "Counts words")),
                List.of(new NamedEntry("wf-17", "nightly"), new NamedEntry("nightly", "wf-17")));
        // pipesh's own spec comes from its command line's definition (the shell module), provided here as text
        SpecLoader specs = SpecLoader.builtIn().provide(dev.pipes.completions.spec.SpecParser.parse("pipesh", """
                option: -c=TEXT                 Run TEXT, then exit
                option: --completion=SHELL      Print a completion script for SHELL
                values: --completion bash zsh fish
                args: files
                """, "pipesh (test)"));
        completer = new Completer(facts, catalog, specs, new PathCommands());
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> values(String lineWithCursor) {
        int cursor = lineWithCursor.indexOf('^');
        return completer.complete(lineWithCursor.replace("^", ""), cursor).values();
    }

    private Candidate candidate(String lineWithCursor, String value) {
        int cursor = lineWithCursor.indexOf('^');
        return completer.complete(lineWithCursor.replace("^", ""), cursor).candidates().stream()
                .filter(c -> c.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void commandPositionOffersBuiltinsFunctionsServicesAndPathExecutables() {
        assertEquals(List.of("greet", "grepsvc", "grep", "gzip"), values("g^"));
        assertEquals(List.of("grepsvc", "grep"), values("ls | grep^"));
        assertEquals("Greps across the cluster", candidate("gr^", "grepsvc").description());
        assertEquals(Candidate.Kind.SERVICE, candidate("gr^", "grepsvc").kind());
        assertEquals(Candidate.Kind.BUILTIN, candidate("ec^", "echo").kind());
        assertEquals(List.of("if"), values("i^"));
    }

    @Test
    void commandPositionWithASlashOffersExecutablesAndDirectories() throws IOException {
        executable(facts.cwd.resolve("build.sh"));
        assertEquals(List.of("./build.sh", "./src/"), values("./^"));
    }

    @Test
    void argumentsAreFilesByDefaultWithDirectoriesLeftOpen() {
        assertEquals(List.of("readme.md", "run me.sh", "src/"), values("cat ^"));
        assertEquals(List.of("src/main/", "src/notes.txt"), values("cat src/^"));
        assertFalse(candidate("cat s^", "src/").complete());
        assertTrue(candidate("cat r^", "readme.md").complete());
        assertEquals(List.of("run me.sh"), values("cat 'run^"));
        assertEquals(List.of("run me.sh"), values("cat run\\ ^"));
        assertEquals(List.of(".hidden"), values("cat .h^"));
        assertEquals(List.of("~/Documents/"), values("ls ~/D^"));
    }

    @Test
    void redirectionTargetsAreFiles() {
        assertEquals(List.of("readme.md"), values("grep x <re^"));
        assertEquals(List.of("readme.md", "run me.sh"), values("sort 2> r^"));
    }

    @Test
    void variablesAfterADollarShowTheirValues() {
        assertEquals(List.of("$GREETING"), values("echo $GR^"));
        assertEquals(List.of("${GREETING}"), values("echo \"${GR^"));
        assertEquals("hello", candidate("echo $G^", "$GREETING").description());
        assertEquals(List.of("$HOME"), values("cd $HO^"));
    }

    @Test
    void jobSpecsAfterAPercentShowTheirCommand() {
        assertEquals(List.of("%1", "%2"), values("fg %^"));
        assertEquals(List.of("%2"), values("kill %2^"));
        assertEquals("sleep 100 | wc", candidate("fg %^", "%1").description());
    }

    @Test
    void builtinOptionsComeFromTheBuiltinsOwnDefinition() {
        assertEquals(List.of("-n", "-e"), values("echo -^"));
        assertEquals("No newline", candidate("echo -^", "-n").description());
    }

    @Test
    void aBuiltinKeepsItsOwnOptionsButTakesTheArgumentKindFromItsSpecFile() {
        // fg's definition says nothing about its arguments; fg.spec says they are jobs.
        assertEquals(List.of("%1", "%2"), values("fg ^"));
    }

    @Test
    void specFilesGiveOptionsTheirValuesAndArgumentKinds() {
        assertEquals(List.of("--completion"), values("pipesh --comp^"));
        assertEquals(List.of("bash", "fish", "zsh"), values("pipesh --completion ^"));
        assertEquals(List.of("--completion=zsh"), values("pipesh --completion=z^"));
        assertEquals(List.of("src/"), values("cd ^"));
        assertEquals(List.of("$GREETING", "$HOME", "$PATH"), values("echo $^"));
        assertEquals(List.of("GREETING"), values("export GR^"));
    }

    @Test
    void workflowIdsAndNamesCompleteAfterQueryLogsAndRm() {
        assertEquals(List.of("wf-17"), values("query wf^"));
        assertEquals(List.of("nightly"), values("logs n^"));
        assertEquals("nightly", candidate("query w^", "wf-17").description());
        assertEquals(List.of("wf-17", "nightly", "readme.md", "run me.sh", "src/"), values("rm ^"));
    }

    @Test
    void servicesAppearAsSoonAsTheCatalogKnowsThem() {
        assertEquals(List.of("wordcount"), values("wordc^"));
        catalog.replace(List.of(), List.of());
        assertEquals(List.of(), values("wordc^"));
        assertEquals(List.of("gzip"), values("gz^"));
        catalog.replace(List.of(new NamedEntry("gzsvc", "")), List.of());
        assertEquals(List.of("gzsvc", "gzip"), values("gz^"));
    }

    @Test
    void nothingCompletesInAComment() {
        assertEquals(List.of(), values("ls # re^"));
    }
}
