package dev.pipes.completions.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecParserTest {
    @Test
    void readsOptionsValuesArgumentsAndWords() {
        CommandSpec spec = SpecParser.parse("tool", """
                # a comment
                describe: Does things
                option: -a --all          Everything
                option: -o --output=FORMAT  How to print

                values: --output text json
                args: workflows files
                words: start stop
                """, "tool.spec");
        assertEquals("Does things", spec.description());
        assertEquals(List.of(
                new OptionSpec(List.of("-a", "--all"), "", List.of(), "Everything"),
                new OptionSpec(List.of("-o", "--output"), "FORMAT", List.of("text", "json"), "How to print")), spec.options());
        assertEquals(List.of(ArgumentKind.WORKFLOWS, ArgumentKind.FILES), spec.arguments());
        assertEquals(List.of("start", "stop"), spec.words());
        assertEquals("FORMAT", spec.option("-o").orElseThrow().valueName());
        assertEquals("FORMAT", spec.option("--output=json").orElseThrow().valueName());
    }

    @Test
    void argumentsAreFilesUnlessSaidOtherwise() {
        assertEquals(List.of(ArgumentKind.FILES), SpecParser.parse("x", "describe: x", "x.spec").arguments());
        assertEquals(List.of(), SpecParser.parse("x", "args: none", "x.spec").arguments());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "opton: -a             => x.spec:1: unknown key 'opton' (expected describe, option, values, args or words)",
        "just text             => x.spec:1: expected 'key: value', found 'just text'",
        "option: all           => x.spec:1: an option line starts with its spellings, such as '-a --all'",
        "args: filez           => x.spec:1: unknown argument kind 'filez' (expected one of files, directories, commands, services, workflows, variables, jobs, functions, none)",
        "values: -x a b        => x.spec:1: values for '-x', which no earlier option line declares",
    })
    void mistakesNameTheFileAndLine(String text, String message) {
        SpecError error = assertThrows(SpecError.class, () -> SpecParser.parse("x", text.strip(), "x.spec"));
        assertEquals(message.strip(), error.getMessage());
    }

    @Test
    void valuesForAnOptionWithoutAValueAreRefusedOnTheirLine() {
        SpecError error = assertThrows(SpecError.class,
                () -> SpecParser.parse("x", "describe: x\noption: -a  All\nvalues: -a b", "x.spec"));
        assertEquals("x.spec:3: option '-a' takes no value (write -a=NAME in its option line)", error.getMessage());
    }

    @Test
    void everyShippedSpecParses() throws IOException {
        Path directory = Path.of("src/main/resources" + SpecLoader.RESOURCE_DIRECTORY);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> specs = files.filter(f -> f.toString().endsWith(".spec")).toList();
            assertEquals(true, specs.size() > 10, "shipped specs: " + specs);
            for (Path file : specs) {
                String name = file.getFileName().toString().replace(".spec", "");
                assertEquals(name, SpecLoader.builtIn().find(name).orElseThrow().command());
            }
        }
    }
}
