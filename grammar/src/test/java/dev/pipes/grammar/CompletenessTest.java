package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a REPL does with the text typed so far: run it, read another line, or report an error. */
class CompletenessTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', ignoreLeadingAndTrailingWhitespace = true, textBlock = """
            # text (\\n is a newline)      => completeness
            echo hi                           => COMPLETE
            echo hi\\n                        => COMPLETE
            ~~                                => COMPLETE
            ~# just a comment~                => COMPLETE
            ~# a comment ending in \\~        => COMPLETE
            echo 'it''s'                      => COMPLETE
            echo "a                           => INCOMPLETE
            echo "a\\nb                       => INCOMPLETE
            echo 'a                           => INCOMPLETE
            echo `a                           => INCOMPLETE
            echo $(a                          => INCOMPLETE
            echo ${a                          => INCOMPLETE
            echo $((1                         => INCOMPLETE
            echo a |                          => INCOMPLETE
            echo a |\\n                       => INCOMPLETE
            a &&                              => INCOMPLETE
            a ||                              => INCOMPLETE
            if                                => INCOMPLETE
            for                               => INCOMPLETE
            case                              => INCOMPLETE
            if a                              => INCOMPLETE
            if a; then                        => INCOMPLETE
            if a; then b; else                => INCOMPLETE
            if a; then b; fi                  => COMPLETE
            for i in 1 2                      => INCOMPLETE
            for i in 1 2; do                  => INCOMPLETE
            while true                        => INCOMPLETE
            until false; do x                 => INCOMPLETE
            case $x in                        => INCOMPLETE
            case $x in a) b;;                 => INCOMPLETE
            case $x in a) b;; esac            => COMPLETE
            {                                 => INCOMPLETE
            { a;                              => INCOMPLETE
            (                                 => INCOMPLETE
            (a                                => INCOMPLETE
            f()                               => INCOMPLETE
            f() {                             => INCOMPLETE
            cat <<EOF                         => INCOMPLETE
            cat <<EOF\\nline                  => INCOMPLETE
            cat <<EOF\\nline\\nEOF            => COMPLETE
            echo a \\                         => INCOMPLETE
            echo a \\\\n                      => INCOMPLETE
            echo a \\\\                       => COMPLETE
            echo 'a \\'                       => COMPLETE
            echo )                            => INVALID
            fi                                => INVALID
            a | ;                             => INVALID
            a && || b                         => INVALID
            if a; then b; done                => INVALID
            echo >                            => INVALID
            echo ${x!}                        => INVALID
            echo `if`                         => INVALID
            ; ;                               => INVALID
            """)
    void classifies(String text, Completeness expected) {
        assertEquals(expected, Parser.classify(text.replace("\\n", "\n")), text);
    }
}
