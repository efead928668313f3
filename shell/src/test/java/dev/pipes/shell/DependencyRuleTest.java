package dev.pipes.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of docs/architecture.md: arrows point inwards. The reactor already stops a
 * module from importing one it does not depend on; this test also stops the engine from growing
 * a dependency on a terminal or on Docker through some transitive library.
 */
class DependencyRuleTest {
    private static JavaClasses pipes;

    @BeforeAll
    static void importProductionClasses() {
        pipes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pipes");
    }

    @Test
    void grammarDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.pipes.grammar..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.pipes.wamp..", "dev.pipes.engine..", "dev.pipes.docker..",
                        "dev.pipes.completions..", "dev.pipes.shell..")
                .allowEmptyShould(true)
                .check(pipes);
    }

    @Test
    void wampDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.pipes.wamp..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.pipes.grammar..", "dev.pipes.engine..", "dev.pipes.docker..",
                        "dev.pipes.completions..", "dev.pipes.shell..")
                .allowEmptyShould(true)
                .check(pipes);
    }

    @Test
    void engineNeverTouchesTheTerminalDockerOrTheOuterModules() {
        noClasses().that().resideInAPackage("dev.pipes.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jline..", "com.github.dockerjava..", "io.etcd..",
                        "dev.pipes.docker..", "dev.pipes.completions..", "dev.pipes.shell..")
                .allowEmptyShould(true)
                .check(pipes);
    }

    @Test
    void dockerAndCompletionsNeverReachIntoTheShell() {
        noClasses().that().resideInAnyPackage("dev.pipes.docker..", "dev.pipes.completions..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.pipes.shell..", "org.jline..")
                .allowEmptyShould(true)
                .check(pipes);
    }

    @Test
    void theShellReachesTheClusterOnlyThroughTheModuleSeam() {
        // pipes-docker and its libraries are not on the plain shell's class path (they sit in
        // modules/cluster, loaded by dev.pipes.shell.modules.Modules): a direct use would fail at run time
        noClasses().that().resideInAnyPackage("dev.pipes.shell..", "dev.pipes.completions..", "dev.pipes.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.pipes.docker..", "com.github.dockerjava..", "io.etcd..", "io.grpc..", "io.vertx..")
                .allowEmptyShould(true)
                .check(pipes);
    }
}
