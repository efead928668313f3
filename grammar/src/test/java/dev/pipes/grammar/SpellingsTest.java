package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.Trees;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Several ways of writing the same thing give one tree (spans aside). */
class SpellingsTest {

    static Stream<Arguments> spellings() {
        return Stream.of(
                group("separators", "a; b", "a\nb", "a;\nb", "a ;  b ;", "\n\na\n\n\nb\n\n", "a # one\nb # two"),
                group("blanks", "echo a b", "echo   a\tb", "  echo a b  ", "echo \\\na b", "ec\\\nho a b"),
                group("parameter braces", "echo $x$y ${z}a", "echo ${x}${y} ${z}a", "echo $x${y} ${z}a"),
                group("command substitution", "echo $(ls -l) x", "echo `ls -l` x", "echo $( ls  -l ) x",
                        "echo $(\nls -l\n) x"),
                group("nested substitution", "echo $(a $(b))", "echo `a \\`b\\``", "echo $(a `b`)"),
                group("default fds", "a <in >out >>log", "a 0<in 1>out 1>>log", "a <in 1>out >>log"),
                group("redirect anywhere", "a b >out c", ">out a b c", "a >out b c", "a b c >out"),
                group("pipeline line breaks", "a | b | c", "a |\nb |\n\nc", "a|b|c"),
                group("and-or line breaks", "a && b || c", "a &&\nb ||\n\nc", "a&&b||c"),
                group("if", "if a; then b; fi", "if a\nthen b\nfi", "if a; then\n  b\nfi", "if\na\nthen\nb\nfi"),
                group("if elif else", "if a; then b; elif c; then d; else e; fi",
                        "if a\nthen\n  b\nelif c\nthen\n  d\nelse\n  e\nfi"),
                group("while", "while a; do b; done", "while a\ndo\n  b\ndone", "while a; do\nb\ndone"),
                group("for without in", "for i; do b; done", "for i\ndo b; done", "for i do b; done"),
                group("for in", "for i in 1 2; do b; done", "for i in 1 2\ndo b\ndone", "for i\nin 1 2; do b; done"),
                group("case", "case $x in a) b;; c|d) e;; esac", "case $x in (a) b;; (c | d) e;; esac",
                        "case $x in\n  a)\n    b\n    ;;\n  c|d)\n    e\nesac", "case $x\nin a) b;;\nc|d) e\nesac"),
                group("case inside $( )", "x=$(case a in x) case b in y) ;; esac;; z) w;; esac)",
                        "x=$(case a in (x) case b in (y) ;; esac;; (z) w;; esac)",
                        "x=`case a in x) case b in y) ;; esac;; z) w;; esac`"),
                group("esac as an argument inside $( )", "x=$(case a in x) echo esac;; z) w;; esac)",
                        "x=`case a in x) echo esac;; z) w;; esac`"),
                group("brace group", "{ a; b; }", "{\na\nb\n}", "{ a\nb; }"),
                group("subshell", "(a; b)", "( a\nb )", "(\na\nb\n)"),
                group("function", "f() { a; }", "f () { a; }", "f()\n{\n  a\n}"),
                group("background", "a & b", "a &\nb", "a&b"),
                group("escapes merge", "echo \\a\\b", "echo \\a\\\n\\b\\\n"),
                group("quotes", "echo \"a\"'b'", "echo \"a\"\\\n'b'"),
                group("here-document", "cat <<EOF\nx\nEOF\n", "cat << EOF\nx\nEOF", "cat <<EOF\nx\nEOF\n\n"),
                group("quoted delimiter", "cat <<'EOF'\n$x\nEOF\n", "cat <<\"EOF\"\n$x\nEOF\n", "cat <<\\EOF\n$x\nEOF\n",
                        "cat <<E'OF'\n$x\nEOF\n"),
                group("tab-stripped here-document", "cat <<-EOF\n\tx\n\tEOF\n", "cat <<-EOF\nx\nEOF\n",
                        "cat <<-EOF\n\t\tx\n\t\t\tEOF\n"),
                group("assignments", "A=1 B=2 cmd", "A=1  B=2 cmd", "A=1 B=2 \\\ncmd"),
                group("comments vanish", "a # comment", "a", "# only a comment\na", "a # c1\n# c2"));
    }

    private static Arguments group(String name, String... texts) {
        return Arguments.of(name, List.of(texts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void allSpellingsGiveTheSameTree(String name, List<String> texts) {
        Script expected = Trees.withoutSpans(Parser.parse(texts.get(0)));
        for (String text : texts.subList(1, texts.size())) {
            assertEquals(TreeDump.dump(expected), TreeDump.dump(Trees.withoutSpans(Parser.parse(text))),
                    "spelling: " + text.replace("\n", "\\n"));
            assertEquals(expected, Trees.withoutSpans(Parser.parse(text)), "spelling: " + text.replace("\n", "\\n"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void everySpellingRoundTripsThroughThePrinter(String name, List<String> texts) {
        for (String text : texts) RoundTrip.assertRoundTrips(text);
    }
}
