package dev.pipes.completions.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LenientLexerTest {
    /** Tokens as "KIND:text" joined by spaces, newlines shown as \n. */
    private static String tokens(String text) {
        return LenientLexer.lex(text).stream()
                .map(t -> t.kind().name().charAt(0) + ":" + t.text().replace("\n", "\\n"))
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "echo hi                 => W:echo W:hi",
        "a|b&&c||d;e&            => W:a O:| W:b O:&& W:c O:|| W:d O:; W:e O:&",
        "cat <in >out 2>>err     => W:cat R:< W:in R:> W:out R:2>> W:err",
        "x 2>&1 &>all            => W:x R:2>& W:1 R:&> W:all",
        "echo 'a b' \"c d\"      => W:echo W:'a b' W:\"c d\"",
        "echo a\\ b              => W:echo W:a\\ b",
        "echo $(ls | wc) done    => W:echo W:$(ls | wc) W:done",
        "f() { x; }              => W:f O:( O:) W:{ W:x O:; W:}",
        "ls # a comment | x      => W:ls C:# a comment | x",
        "echo x12>f              => W:echo W:x12 R:> W:f",
    })
    void splitsLines(String text, String expected) {
        assertEquals(expected.strip(), tokens(text.strip()));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEndAndIsOpen() {
        List<Token> tokens = LenientLexer.lex("echo \"abc | d");
        assertEquals(2, tokens.size());
        assertTrue(tokens.get(1).open());
        assertEquals("\"abc | d", tokens.get(1).text());
    }

    @Test
    void hereDocumentBodiesAreOneToken() {
        assertEquals("W:cat R:<< W:EOF O:\\n H:a | b\\nEOF\\n W:echo W:after",
                tokens("cat <<EOF\na | b\nEOF\necho after"));
        assertTrue(LenientLexer.lex("cat <<EOF\nunfinished").get(4).open());
    }

    @Test
    void segmentsMarkQuotesAndExpansionsInsideWords() {
        Token word = LenientLexer.lex("a\"x$HOME\"'q'${y}").get(0);
        assertEquals(List.of(Segment.Kind.DOUBLE_QUOTED, Segment.Kind.PARAMETER, Segment.Kind.SINGLE_QUOTED,
                Segment.Kind.PARAMETER), word.segments().stream().map(Segment::kind).toList());
        assertEquals("$HOME", "a\"x$HOME\"'q'${y}".substring(word.segments().get(1).start(), word.segments().get(1).end()));
        assertFalse(word.open());
    }

    @Test
    void neverFailsOnAnyPrefixOfAnAwkwardText() {
        String text = "if [ \"$(echo ${x:-'a)'} `b`)\" ]; then cat <<-E 2>&1 | x &\n\tE\nfi # c";
        for (int i = 0; i <= text.length(); i++) {
            List<Token> tokens = LenientLexer.lex(text.substring(0, i));
            int last = 0;
            for (Token t : tokens) {
                assertTrue(t.start() >= last && t.end() <= i && t.start() <= t.end(), "prefix " + i + ": " + t);
                last = t.end();
            }
        }
    }
}
