package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.grammar.ast.Trees;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each construct parses to (shown as the span-less tree dump), and that it round-trips. */
class TreesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("echo a\"b c\"'d'\\e$f", """
                        Script
                          SimpleCommand
                            word [Literal "echo"]
                            word [Literal "a", DoubleQuoted[Literal "b c"], SingleQuoted "d", Escaped "e", Parameter f]
                        """),
                Arguments.of("cp *.[ch] ?x \"*\" \\*", """
                        Script
                          SimpleCommand
                            word [Literal "cp"]
                            word [Glob *, Literal ".", Glob [, Literal "ch]"]
                            word [Glob ?, Literal "x"]
                            word [DoubleQuoted[Literal "*"]]
                            word [Escaped "*"]
                        """),
                Arguments.of("A=~ B=~user/x C=a~ ~ ~x y~ ~\"q\" ~/\"q\"", """
                        Script
                          SimpleCommand
                            assign A = [Tilde ""]
                            assign B = [Tilde "user", Literal "/x"]
                            assign C = [Literal "a~"]
                            word [Tilde ""]
                            word [Tilde "x"]
                            word [Literal "y~"]
                            word [Literal "~", DoubleQuoted[Literal "q"]]
                            word [Tilde "", Literal "/", DoubleQuoted[Literal "q"]]
                        """),
                Arguments.of("PATH=~/a:~/b:$PATH:~x:a~:~ Q=x:~ R=a:~$x echo ~/a:~/b", """
                        Script
                          SimpleCommand
                            assign PATH = [Tilde "", Literal "/a:", Tilde "", Literal "/b:", Parameter PATH, Literal ":", Tilde "x", Literal ":a~:", Tilde ""]
                            assign Q = [Literal "x:", Tilde ""]
                            assign R = [Literal "a:~", Parameter x]
                            word [Literal "echo"]
                            word [Tilde "", Literal "/a:~/b"]
                        """),
                Arguments.of("echo ${x:-a b} \"${y%%*/}\" ${#} ${##} ${#x} ${10} $10 $@ $* $? $$ $! $- $0", """
                        Script
                          SimpleCommand
                            word [Literal "echo"]
                            word [Parameter x :- [Literal "a b"]]
                            word [DoubleQuoted[Parameter y %% [Glob *, Literal "/"]]]
                            word [Parameter #]
                            word [Parameter ## (length)]
                            word [Parameter #x (length)]
                            word [Parameter 10]
                            word [Parameter 1, Literal "0"]
                            word [Parameter @]
                            word [Parameter *]
                            word [Parameter ?]
                            word [Parameter $]
                            word [Parameter !]
                            word [Parameter -]
                            word [Parameter 0]
                        """),
                Arguments.of("echo ${a-1} ${a:=2} ${a=3} ${a:?m} ${a?} ${a:+\"$y\"} ${a+`z`} ${a#p} ${a%p} ${a%%p} ${a=$((1+1))}", """
                        Script
                          SimpleCommand
                            word [Literal "echo"]
                            word [Parameter a - [Literal "1"]]
                            word [Parameter a := [Literal "2"]]
                            word [Parameter a = [Literal "3"]]
                            word [Parameter a :? [Literal "m"]]
                            word [Parameter a ? []]
                            word [Parameter a :+ [DoubleQuoted[Parameter y]]]
                            word [Parameter a + [CommandSubstitution{z}]]
                            word [Parameter a # [Literal "p"]]
                            word [Parameter a % [Literal "p"]]
                            word [Parameter a %% [Literal "p"]]
                            word [Parameter a = [Arithmetic[Literal "1+1"]]]
                        """),
                Arguments.of("echo $((1 + $x * (2 - 3))) $(ls $(pwd)) `echo \\`hi\\``", """
                        Script
                          SimpleCommand
                            word [Literal "echo"]
                            word [Arithmetic[Literal "1 + ", Parameter x, Literal " * (2 - 3)"]]
                            word [CommandSubstitution{ls $(pwd)}]
                            word [CommandSubstitution{echo $(hi)}]
                        """),
                Arguments.of("echo \"a\\\"b\\$c\\\\d\\e `x`\" '$no' $ a#b #c", """
                        Script
                          SimpleCommand
                            word [Literal "echo"]
                            word [DoubleQuoted[Literal "a", Escaped "\\"", Literal "b", Escaped "$", Literal "c", Escaped "\\\\", Literal "d\\\\e ", CommandSubstitution{x}]]
                            word [SingleQuoted "$no"]
                            word [Escaped "$"]
                            word [Literal "a#b"]
                        """),
                Arguments.of("echo if then fi done } { ! in", """
                        Script
                          SimpleCommand
                            word [Literal "echo"]
                            word [Literal "if"]
                            word [Literal "then"]
                            word [Literal "fi"]
                            word [Literal "done"]
                            word [Literal "}"]
                            word [Literal "{"]
                            word [Literal "!"]
                            word [Literal "in"]
                        """),
                Arguments.of("x=1 2>&1 >&- 3<&0 &>x &>>y <<<w 4<>f >|g <in >>a", """
                        Script
                          SimpleCommand
                            assign x = [Literal "1"]
                            redirect 2 >& [Literal "1"]
                            redirect 1 >& [Literal "-"]
                            redirect 3 <& [Literal "0"]
                            redirect 1 &> [Literal "x"]
                            redirect 1 &>> [Literal "y"]
                            redirect 0 <<< [Literal "w"]
                            redirect 4 <> [Literal "f"]
                            redirect 1 >| [Literal "g"]
                            redirect 0 < [Literal "in"]
                            redirect 1 >> [Literal "a"]
                        """),
                Arguments.of("cat <<A <<-'B' | wc\na $x \\$ \\q\nA\n\t\tb $y\n\tB\necho after", """
                        Script
                          Pipeline
                            SimpleCommand
                              word [Literal "cat"]
                              heredoc 0 << A
                                body [Literal "a ", Parameter x, Literal " ", Escaped "$", Literal " \\\\q\\n"]
                              heredoc 0 <<- 'B' (quoted: no expansion)
                                body [Literal "b $y\\n"]
                            SimpleCommand
                              word [Literal "wc"]
                          SimpleCommand
                            word [Literal "echo"]
                            word [Literal "after"]
                        """),
                // a carriage return is part of a word, as in sh: the delimiter is "EOF\r"
                Arguments.of("cat <<EOF\r\nx\r\nEOF\r\n", """
                        Script
                          SimpleCommand
                            word [Literal "cat"]
                            heredoc 0 << EOF\r
                              body [Literal "x\\x0d\\n"]
                        """),
                Arguments.of("! a | b && c || d & e", """
                        Script
                          Background
                            AndOr
                              Pipeline !
                                SimpleCommand
                                  word [Literal "a"]
                                SimpleCommand
                                  word [Literal "b"]
                              &&
                              SimpleCommand
                                word [Literal "c"]
                              ||
                              SimpleCommand
                                word [Literal "d"]
                          SimpleCommand
                            word [Literal "e"]
                        """),
                Arguments.of("if a; then b; elif c; then d; else e; fi", """
                        Script
                          If
                            condition
                              SimpleCommand
                                word [Literal "a"]
                            then
                              SimpleCommand
                                word [Literal "b"]
                            condition
                              SimpleCommand
                                word [Literal "c"]
                            then
                              SimpleCommand
                                word [Literal "d"]
                            else
                              SimpleCommand
                                word [Literal "e"]
                        """),
                Arguments.of("until false; do :; done >log", """
                        Script
                          Until
                            condition
                              SimpleCommand
                                word [Literal "false"]
                            do
                              SimpleCommand
                                word [Literal ":"]
                            redirect 1 > [Literal "log"]
                        """),
                Arguments.of("for a; do x; done; for b in; do y; done; for c in 1 \"2 3\"; do z; done", """
                        Script
                          For a
                            in "$@" (implied)
                            do
                              SimpleCommand
                                word [Literal "x"]
                          For b
                            in\s
                            do
                              SimpleCommand
                                word [Literal "y"]
                          For c
                            in [Literal "1"] [DoubleQuoted[Literal "2 3"]]
                            do
                              SimpleCommand
                                word [Literal "z"]
                        """),
                Arguments.of("case $1 in a|b) x;; (*) ;; esac", """
                        Script
                          Case [Parameter 1]
                            pattern [Literal "a"] [Literal "b"]
                              SimpleCommand
                                word [Literal "x"]
                            pattern [Glob *]
                        """),
                Arguments.of("f() { a; } >log\ng() if a; then b; fi", """
                        Script
                          Function f
                            BraceGroup
                              SimpleCommand
                                word [Literal "a"]
                              redirect 1 > [Literal "log"]
                          Function g
                            If
                              condition
                                SimpleCommand
                                  word [Literal "a"]
                              then
                                SimpleCommand
                                  word [Literal "b"]
                        """),
                Arguments.of("{ a; } 2>&1 | (b) >out", """
                        Script
                          Pipeline
                            BraceGroup
                              SimpleCommand
                                word [Literal "a"]
                              redirect 2 >& [Literal "1"]
                            Subshell
                              SimpleCommand
                                word [Literal "b"]
                              redirect 1 > [Literal "out"]
                        """),
                Arguments.of("x=$(case $y in a) echo A;; esac) echo a\\", """
                        Script
                          SimpleCommand
                            assign x = [CommandSubstitution{case $y in a) echo A ;; esac}]
                            word [Literal "echo"]
                            word [Literal "a", Escaped "\\\\"]
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesTo(String text, String expectedDump) {
        assertEquals(expectedDump, TreeDump.dump(Trees.withoutSpans(Parser.parse(text))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTrips(String text, String ignored) {
        RoundTrip.assertRoundTrips(text);
    }
}
