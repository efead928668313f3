package dev.pipes.completions.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageLineTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "echo [-neE] [ARGUMENT...]                            => -n -e -E / FILES",
        "read [-r] [-p PROMPT] [-d DELIM] [NAME...]           => -r -p=PROMPT -d=DELIM / VARIABLES",
        "unset [-v|-f] NAME...                                => -v -f / VARIABLES",
        "cd [-L|-P] [DIR]                                     => -L -P / DIRECTORIES",
        "jobs [-l|-p] [JOB...]                                => -l -p / JOBS",
        "set [-euxfCv] [+euxfCv] [-o OPTION] [+o OPTION] [--] => -e -u -x -f -C -v -o=OPTION / FILES",
        "source FILE [ARGUMENT...]                            => / FILES",
        "help [BUILTIN...]                                    => / COMMANDS",
        "export [-n] [-p] [NAME[=VALUE]...]                   => -n -p / VARIABLES",
    })
    void readsOptionsAndOperandsFromTheUsageLine(String usage, String expected) {
        String name = usage.strip().split(" ")[0];
        CommandSpec spec = UsageLine.toSpec(name, usage.strip(), "summary");
        String options = String.join(" ", spec.options().stream()
                .map(o -> o.spellings().get(0) + (o.takesValue() ? "=" + o.valueName() : "")).toList());
        assertEquals(expected.strip(), (options + " / " + spec.arguments().get(0)).strip());
        assertEquals(List.of(), spec.words());
        assertEquals("summary", spec.description());
    }
}
