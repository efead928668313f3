package dev.pipes.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptsTest {
    private final FakeSession session = new FakeSession(Path.of("/home/ann/src/pipes"));
    private final Prompts prompts = new Prompts("ann", "box.example.org", false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "\\m \\w\\$ =>embedded ~/src/pipes$ ",
        "\\u@\\h:\\W> =>ann@box:pipes> ",
        "[\\?]\\\\ =>[]\\",
        "a\\qb =>a\\qb",
    })
    void expandsEscapes(String template, String expected) {
        session.variables.put("HOME", "/home/ann");
        assertEquals(expected, prompts.expand(template, session));
    }

    @Test
    void showsTheLastStatusOnlyWhenItIsNotZero() {
        session.variables.put(Prompts.PRIMARY_VARIABLE, "\\?\\$ ");
        assertEquals("$ ", prompts.primary(session));
        session.run("false");
        assertEquals("1 $ ", prompts.primary(session));
        session.run("true");
        assertEquals("$ ", prompts.primary(session));
    }

    @Test
    void theDefaultShowsModeDirectoryAndStatusInColour() {
        session.variables.put("HOME", "/home/ann");
        session.run("false");
        assertEquals("\u001b[36membedded\u001b[0m \u001b[34m~/src/pipes\u001b[0m \u001b[31m1 \u001b[0m$ ", prompts.primary(session));
        assertEquals("> ", prompts.continuation(session));
    }

    @Test
    void theHomeDirectoryIsATildeAndOtherPathsStayWhole() {
        session.variables.put("HOME", "/home/ann");
        session.variables.put(Prompts.PRIMARY_VARIABLE, "\\w|\\W");
        session.cwd = Path.of("/home/ann");
        assertEquals("~|~", prompts.primary(session));
        session.cwd = Path.of("/");
        assertEquals("/|/", prompts.primary(session));
        session.cwd = Path.of("/home/annex");
        assertEquals("/home/annex|annex", prompts.primary(session));
        session.variables.put(Prompts.CONTINUATION_VARIABLE, "\\m... ");
        assertEquals("embedded... ", prompts.continuation(session));
    }
}
