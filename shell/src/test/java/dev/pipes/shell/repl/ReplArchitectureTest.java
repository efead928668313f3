package dev.pipes.shell.repl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The REPL core must run without a terminal: only its jline sub-package may use JLine. */
class ReplArchitectureTest {
    @Test
    void theCoreDoesNotDependOnTheTerminalLibrary() {
        noClasses().that().resideInAPackage("dev.pipes.shell.repl")
                .should().dependOnClassesThat().resideInAnyPackage("org.jline..", "dev.pipes.shell.repl.jline..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.pipes.shell.repl"));
    }
}
