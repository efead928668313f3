package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.grammar.ast.Trees;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical forms the printer produces (multi-line, and one-line for display and $( )). */
class PrinterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            a;b&c                                     =>a\\nb &\\nc
            if a;then b;elif c;then d;else e;fi       =>if a; then\\n  b\\nelif c; then\\n  d\\nelse\\n  e\\nfi
            while a;b;do c;done                       =>while\\n  a\\n  b\\ndo\\n  c\\ndone
            for i in 1 2;do c;done                    =>for i in 1 2; do\\n  c\\ndone
            case $x in a|b)c;;*)d;esac                =>case $x in\\n  a | b)\\n    c\\n    ;;\\n  *)\\n    d\\n    ;;\\nesac
            f(){ a;}                                  =>f() {\\n  a\\n}
            (a;b)>o                                   =>(\\n  a\\n  b\\n) >o
            echo $(if a;then b;fi;(c))                =>echo $(if a; then b; fi; ( c ))
            echo ${x}y ${x}.y $x$y ${1}0              =>echo ${x}y $x.y $x$y ${1}0
            echo `a \\`b\\``                          =>echo $(a $(b))
            cat <<E;echo\\n$x\\nE                     =>cat <<E\\n$x\\nE\\necho
            cat <<'E'>o\\n$x\\nE                      =>cat <<'E' >o\\n$x\\nE
            1>a 0<b 2>&1 >&2 &>c                      =>>a <b 2>&1 >&2 &>c
            """)
    void printsTheCanonicalForm(String text, String expected) {
        String printed = Printer.print(Parser.parse(text.strip().replace("\\n", "\n")));
        assertEquals(expected.replace("\\n", "\n"), printed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
            if a\\nthen b\\nfi                     => if a; then b; fi
            { a\\nb & }                           => { a; b & }
            while a; do b; done | c &            => while a; do b; done | c &
            case x in a) ;; b) c & ;; esac       => case x in a) ;; b) c & ;; esac
            """)
    void printsOneLineForDisplay(String text, String expected) {
        var script = Parser.parse(text.replace("\\n", "\n"));
        String printed = Printer.printOneLine(script);
        assertEquals(expected, printed);
        assertEquals(Trees.withoutSpans(script), Trees.withoutSpans(Parser.parse(printed)));
    }
}
