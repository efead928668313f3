package dev.pipes.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.completions.InMemoryServiceCatalog;
import dev.pipes.completions.NamedEntry;
import dev.pipes.completions.PathCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HighlighterTest {
    @TempDir
    Path bin;
    private Highlighter highlighter;

    @BeforeEach
    void setUp() throws IOException {
        Path grep = bin.resolve("grep");
        Files.writeString(grep, "#!/bin/sh\n");
        Files.setPosixFilePermissions(grep, PosixFilePermissions.fromString("rwxr-xr-x"));
        FakeSession session = new FakeSession(bin);
        session.variables.put("PATH", bin.toString());
        session.functions.add("greet");
        InMemoryServiceCatalog catalog = InMemoryServiceCatalog.of(List.of(new NamedEntry("wordcount", "")), List.of());
        highlighter = new Highlighter(new CommandKinds(session, catalog, new PathCommands()));
    }

    /** Each span as STYLE:text. */
    private String spans(String text) {
        return highlighter.highlight(text).stream()
                .map(s -> s.style() + ":" + text.substring(s.start(), s.end()))
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "echo hi                    => BUILTIN:echo",
        "grep x                     => COMMAND:grep",
        "wordcount                  => SERVICE:wordcount",
        "greet                      => FUNCTION:greet",
        "nosuchthing                => UNKNOWN_COMMAND:nosuchthing",
        "grep 'a b' \"$x y\"        => COMMAND:grep STRING:'a b' STRING:\" VARIABLE:$x STRING: y\"",
        "grep <in >>out 2>&1        => COMMAND:grep REDIRECTION:< REDIRECTION:>> REDIRECTION:2>&",
        "grep a | wordcount && echo => COMMAND:grep OPERATOR:| SERVICE:wordcount OPERATOR:&& BUILTIN:echo",
        "if grep x; then echo; fi   => KEYWORD:if COMMAND:grep OPERATOR:; KEYWORD:then BUILTIN:echo OPERATOR:; KEYWORD:fi",
        "X=1 grep $(echo) # note    => ASSIGNMENT:X=1 COMMAND:grep SUBSTITUTION:$( BUILTIN:echo SUBSTITUTION:) COMMENT:# note",
        "echo \"$(grep x | nope)\"  => BUILTIN:echo STRING:\" SUBSTITUTION:$( COMMAND:grep OPERATOR:| UNKNOWN_COMMAND:nope SUBSTITUTION:) STRING:\"",
        "echo $((1 + 2))            => BUILTIN:echo SUBSTITUTION:$((1 + 2))",
        "f() { echo; }              => FUNCTION:f OPERATOR:() KEYWORD:{ BUILTIN:echo OPERATOR:; KEYWORD:}",
        "$cmd x                     => VARIABLE:$cmd",
        "echo *.txt                 => BUILTIN:echo OPERATOR:*",
    })
    void givesEachPieceItsStyle(String text, String expected) {
        assertEquals(expected.strip(), spans(text.strip()));
    }

    @Test
    void marksASyntaxErrorWhereItIs() {
        assertEquals("COMMAND:grep OPERATOR:| ERROR:| BUILTIN:wc".replace("BUILTIN:wc", "UNKNOWN_COMMAND:wc"),
                spans("grep | | wc"));
    }

    @Test
    void anUnfinishedEntryIsNotAnError() {
        assertEquals("COMMAND:grep OPERATOR:|", spans("grep |"));
        assertEquals("BUILTIN:echo STRING:'unfinished", spans("echo 'unfinished"));
    }

    @Test
    void anErrorOnALaterLineIsFoundByLineAndColumn() {
        assertEquals(7, Highlighter.offsetOf("ls\nab cd", 2, 5));
        assertEquals(2, Highlighter.offsetOf("ls", 1, 9));
    }
}
