package dev.pipes.completions.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineStructureTest {
    /** Words as "text/ROLE" (arguments also name their command). */
    private static String roles(String text) {
        return LineStructure.words(LenientLexer.lex(text)).stream()
                .map(w -> w.text() + "/" + switch (w.role()) {
                    case COMMAND -> "C";
                    case KEYWORD -> "K";
                    case ASSIGNMENT -> "A";
                    case REDIRECT_TARGET -> "R";
                    case ARGUMENT -> "arg(" + w.command() + "," + w.index() + ")";
                })
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "ls -l src                        => ls/C -l/arg(ls,1) src/arg(ls,2)",
        "a | b && c ; d & e               => a/C b/C c/C d/C e/C",
        "X=1 Y=2 env >out                 => X=1/A Y=2/A env/C out/R",
        "if test x; then ls; fi >f        => if/K test/C x/arg(test,1) then/K ls/C fi/K f/R",
        "for f in a b; do cat $f; done    => for/K f/arg(for,1) in/K a/arg(for,2) b/arg(for,3) do/K cat/C $f/arg(cat,1) done/K",
        "case $x in a|b) ls;; c) pwd;; esac => case/K $x/arg(case,1) in/K a/arg(case,2) b/arg(case,2) ls/C c/arg(case,2) pwd/C esac/K",
        "while read l; do echo $l; done   => while/K read/C l/arg(read,1) do/K echo/C $l/arg(echo,1) done/K",
        "{ a; } 2>/dev/null               => {/K a/C }/K /dev/null/R",
        "! grep x f                       => !/K grep/C x/arg(grep,1) f/arg(grep,2)",
        "echo if then                     => echo/C if/arg(echo,1) then/arg(echo,2)",
        "f() { ls -l; }                    => f/C {/K ls/C -l/arg(ls,1) }/K",
        "(cd d && make) | tee log         => cd/C d/arg(cd,1) make/C tee/C log/arg(tee,1)",
    })
    void givesEveryWordItsRole(String text, String expected) {
        assertEquals(expected.strip(), roles(text.strip()));
    }
}
