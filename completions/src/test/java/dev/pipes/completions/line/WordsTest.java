package dev.pipes.completions.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void unquoteRemovesQuotesAndBackslashesButKeepsExpansions() {
        assertEquals("a b", Words.unquote("'a b'"));
        assertEquals("a b$x", Words.unquote("\"a b$x\""));
        assertEquals("a b", Words.unquote("a\\ b"));
        assertEquals("it's", Words.unquote("it\\'s"));
        assertEquals("open quote", Words.unquote("'open quote"));
        assertEquals("a\\b", Words.unquote("\"a\\b\""));
    }

    @Test
    void escapeMakesEveryCharacterStandForItselfAndRoundTrips() {
        String name = "my file (1) & $x's.txt";
        assertEquals("my\\ file\\ \\(1\\)\\ \\&\\ \\$x\\'s.txt", Words.escape(name));
        assertEquals(name, Words.unquote(Words.escape(name)));
        assertEquals("~/dir/a\\ b", Words.escape("~/dir/a b"));
    }

    @Test
    void assignmentsNeedANameBeforeTheEqualsSign() {
        assertTrue(Words.isAssignment("X_1=abc"));
        assertTrue(Words.isAssignment("x="));
        assertFalse(Words.isAssignment("=x"));
        assertFalse(Words.isAssignment("1x=2"));
        assertFalse(Words.isAssignment("--opt=2"));
    }
}
