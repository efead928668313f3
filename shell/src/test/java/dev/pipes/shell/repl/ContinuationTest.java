package dev.pipes.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.grammar.Completeness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Enter does with the text typed so far, as the grammar classifies it ("\n" is a newline). */
class ContinuationTest {
    private final Continuation continuation = Continuation.ofGrammar();

    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource(delimiterString = "=>", value = {
        "echo hi                         => COMPLETE",
        "''                              => COMPLETE",
        "echo 'open                      => INCOMPLETE",
        "echo \"open                     => INCOMPLETE",
        "echo \"a\\nb\"                  => COMPLETE",
        "ls |                            => INCOMPLETE",
        "ls &&                           => INCOMPLETE",
        "ls ||                           => INCOMPLETE",
        "if true; then                   => INCOMPLETE",
        "if true; then ls; fi            => COMPLETE",
        "for f in a b; do                => INCOMPLETE",
        "for f in a b; do echo $f; done  => COMPLETE",
        "while true\\ndo                 => INCOMPLETE",
        "{ ls                            => INCOMPLETE",
        "{ ls; }                         => COMPLETE",
        "( ls                            => INCOMPLETE",
        "cat <<EOF                       => INCOMPLETE",
        "cat <<EOF\\nbody\\nEOF          => COMPLETE",
        "echo a \\\\                     => INCOMPLETE",
        "echo $(ls                       => INCOMPLETE",
        "ls | | wc                       => INVALID",
        "fi                              => INVALID",
        "echo )                          => INVALID",
    })
    void classifiesEntries(String text, Completeness expected) {
        String entry = text.strip().replace("\\n", "\n").replace("\\\\", "\\");
        assertEquals(expected, continuation.classify(entry), entry);
    }

    @Test
    void onlyAnIncompleteEntryAsksForAnotherLine() {
        assertTrue(continuation.needsMore("ls |"));
        assertFalse(continuation.needsMore("ls"));
        assertFalse(continuation.needsMore("ls | | wc"), "an invalid entry runs, and its error is reported");
        assertFalse(continuation.needsMore("   "), "an empty line is just a new prompt");
    }
}
