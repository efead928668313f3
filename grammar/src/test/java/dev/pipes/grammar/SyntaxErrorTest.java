package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every syntax error names what was wrong and where, exactly. */
class SyntaxErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', ignoreLeadingAndTrailingWhitespace = true, textBlock = """
            # text (\\n is a newline)         => message
            echo ab "cd                       => 1:9: unterminated double quote
            echo a |\\n|                      => 2:1: expected a command after '|'
            echo a |\\n                       => 2:1: expected a command after '|'
            echo a |                          => 1:9: expected a command after '|'
            a && && b                         => 1:6: expected a command after '&&'
            a || ;                            => 1:6: expected a command after '||'
            a | then                          => 1:5: expected a command after '|'
            !                                 => 1:2: expected a command after '!'
            echo 'x                           => 1:6: unterminated single quote
            echo `x                           => 1:6: unterminated backquote
            echo $(ls                         => 1:6: unterminated '$('
            echo "$(ls)                       => 1:6: unterminated double quote
            echo $(echo "a                    => 1:13: unterminated double quote
            echo ${x                          => 1:6: unterminated '${'
            echo ${x:-a                       => 1:6: unterminated '${'
            echo $((1                         => 1:6: unterminated '$(('
            echo ${x!}                        => 1:9: bad substitution: unexpected '!' in the '${' at 1:6
            echo ${}                          => 1:8: bad substitution: unexpected '}' in the '${' at 1:6
            echo ${x:}                        => 1:9: bad substitution: unexpected ':' in the '${' at 1:6
            echo $(( 1 ) )                    => 1:12: expected '))' to close the '$((' at 1:6
            if a; then b                      => 1:13: missing 'fi' to close the 'if' at 1:1
            if a; b                           => 1:8: missing 'then' in the 'if' at 1:1
            if a; then b; elif c              => 1:21: missing 'then' in the 'if' at 1:1
            if a; then b; else c; done        => 1:23: unexpected 'done', expected 'fi' to close the 'if' at 1:1
            if true; then echo; fi fi         => 1:24: unexpected 'fi'
            if ; then fi                      => 1:4: expected a command after 'if', found ';'
            while a; do b; fi                 => 1:16: unexpected 'fi', expected 'done' to close the 'while' at 1:1
            while a; do b                     => 1:14: missing 'done' to close the 'while' at 1:1
            while a; b                        => 1:11: missing 'do' in the 'while' at 1:1
            until a                           => 1:8: missing 'do' in the 'until' at 1:1
            for x in a; b; done               => 1:13: unexpected 'b', expected 'do' in the 'for' at 1:1
            for 1 in a; do b; done            => 1:5: expected a variable name after 'for'
            for ; do                          => 1:5: expected a variable name after 'for'
            for                               => 1:4: expected a variable name after 'for'
            case                              => 1:5: expected a word after 'case'
            case ;                            => 1:6: expected a word after 'case'
            if                                => 1:3: expected a command after 'if'
            while a; do b; done; until        => 1:27: expected a command after 'until'
            case a in b) c;; d                => 1:19: missing 'esac' to close the 'case' at 1:1
            case a b                          => 1:8: unexpected 'b', expected 'in' in the 'case' at 1:1
            case a in b) c;; esac esac        => 1:23: unexpected 'esac'
            { a;                              => 1:5: missing '}' to close the '{' at 1:1
            { a; )                            => 1:6: unexpected ')', expected '}' to close the '{' at 1:1
            { }                               => 1:3: expected a command after '{', found '}'
            ( a;                              => 1:5: missing ')' to close the '(' at 1:1
            (a; }                             => 1:5: unexpected '}', expected ')' to close the '(' at 1:1
            x=1\\nif a\\nthen\\n  b           => 4:4: missing 'fi' to close the 'if' at 2:1
            f()                               => 1:4: missing the body of the function
            f() echo                          => 1:5: expected a compound command such as '{ ...; }' as the body of the function, found 'echo'
            a & & b                           => 1:5: unexpected '&'
            a ;; b                            => 1:3: unexpected ';;'
            ; a                               => 1:1: unexpected ';'
            echo )                            => 1:6: unexpected ')'
            then                              => 1:1: unexpected 'then'
            done                              => 1:1: unexpected 'done'
            a >                               => 1:4: expected a word after '>'
            a > ;                             => 1:5: expected a word after '>'
            a 2>                              => 1:5: expected a word after '>'
            cat <<                            => 1:7: expected a word after '<<'
            cat <<E                           => 1:5: here-document is missing its delimiter line 'E'
            cat <<E\\na\\nb                   => 1:5: here-document is missing its delimiter line 'E'
            cat <<-E\\n\\ta\\n E              => 1:5: here-document is missing its delimiter line 'E'
            a 99999999999>x                   => 1:3: file descriptor 99999999999 is too large
            echo `if`                         => 1:9: expected a command after 'if'
            echo `a | `                       => 1:11: expected a command after '|'
            """)
    void messageNamesWhatAndWhere(String text, String message) {
        SyntaxError error = assertThrows(SyntaxError.class, () -> Parser.parse(text.replace("\\n", "\n").replace("\\t", "\t")));
        assertEquals(message, error.getMessage());
    }

    @Test
    void renderShowsTheSourceNameTheLineAndACaret() {
        SyntaxError error = assertThrows(SyntaxError.class, () -> Parser.parse("x=1\nif a | ;\nfi", "job.pipes"));
        assertEquals("""
                job.pipes:2:8: expected a command after '|'
                  if a | ;
                         ^""", error.render());
    }

    @Test
    void theCaretKeepsTabsSoThatItLinesUp() {
        SyntaxError error = assertThrows(SyntaxError.class, () -> Parser.parse("\techo \"x", "t"));
        assertEquals("t:1:7: unterminated double quote\n  \techo \"x\n  \t     ^", error.render());
    }

    @Test
    void errorsCarryLineColumnAndDetailSeparately() {
        SyntaxError error = assertThrows(SyntaxError.class, () -> Parser.parse("a\nb |"));
        assertEquals(2, error.line());
        assertEquals(4, error.column());
        assertEquals("expected a command after '|'", error.detail());
        assertEquals("pipesh", error.sourceName());
    }
}
