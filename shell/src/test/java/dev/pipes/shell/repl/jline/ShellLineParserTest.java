package dev.pipes.shell.repl.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pipes.shell.repl.Continuation;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

class ShellLineParserTest {
    private final ShellLineParser parser = new ShellLineParser(Continuation.ofGrammar());

    private CompletingParsedLine parse(String lineWithCursor) {
        int cursor = lineWithCursor.indexOf('^');
        return (CompletingParsedLine) parser.parse(lineWithCursor.replace("^", ""), cursor, ParseContext.COMPLETE);
    }

    @Test
    void enterOnAnIncompleteEntryAsksJLineForAnotherLine() {
        assertThrows(EOFError.class, () -> parser.parse("if true; then", 13, ParseContext.ACCEPT_LINE));
        assertEquals("ls", parser.parse("ls", 2, ParseContext.ACCEPT_LINE).line());
        assertEquals("ls | | x", parser.parse("ls | | x", 8, ParseContext.ACCEPT_LINE).line(),
                "an invalid entry is accepted: running it reports the error");
    }

    @Test
    void theCompletedWordIsTheTypedPrefixWithoutQuotes() {
        CompletingParsedLine line = parse("cat 'my fi^");
        assertEquals("my fi", line.word());
        assertEquals(6, line.rawWordCursor());
        assertEquals("'my file.txt'", line.escape("my file.txt", true));
        assertEquals("'dir/", line.escape("dir/", false));
    }

    @Test
    void bareWordsAreEscapedWithBackslashes() {
        CompletingParsedLine line = parse("cat my\\ fi^ | wc");
        assertEquals("my fi", line.word());
        assertEquals(6, line.rawWordCursor());
        assertEquals("my\\ file\\(1\\).txt", line.escape("my file(1).txt", true));
        assertEquals(1, line.wordIndex());
    }

    @Test
    void doubleQuotedWordsStayInDoubleQuotes() {
        assertEquals("\"a \\$b\"", parse("cat \"a^").escape("a $b", true));
    }

    @Test
    void variablesAndJobSpecsAreMatchedAsTyped() {
        CompletingParsedLine variable = parse("echo a$HO^");
        assertEquals("$HO", variable.word());
        assertEquals(3, variable.rawWordCursor());
        assertEquals("$HOME", variable.escape("$HOME", true));
        assertEquals("%1", parse("fg %1^").word());
    }
}
