package dev.pipes.grammar;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.Trees;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs only ever give a tree or a {@link SyntaxError}: never another
 * exception, never a hang; and every tree prints as text that parses back to the same tree.
 * The seed is printed; rerun one with {@code -Dfuzz.seed=N} (and {@code -Dfuzz.count=N} for more
 * or fewer inputs).
 *
 * <p>Round trips are not checked for inputs with a backslash-newline: a line continuation inside a
 * token ({@code $\<newline>x}) is a documented difference from sh (docs/language.md), and the
 * printed text, which has none, may then read differently.
 */
class FuzzTest {
    private static final long DEFAULT_SEED = 20261130L;
    private static final int DEFAULT_COUNT = 100_000;

    /** Pieces that matter to the lexer and parser, weighted by repetition. */
    private static final String[] PIECES = {
        "a", "b", "x", "1", "2", " ", " ", " ", "\t", "\n", "\n", "'", "\"", "\"", "`", "\\", "\\\n", "$", "$",
        "{", "}", "(", ")", "[", "]", "*", "?", "~", "#", ";", ";;", "&", "&&", "|", "||", "<", ">", ">>", "<<",
        "<<-", "<<<", ">&", "<&", "&>", "-", "=", ":", "+", "%", "!", "/", ".", "if ", "then ", "else ", "elif ",
        "fi", "for ", " in ", "do ", "done", "while ", "until ", "case ", "esac", "${", "$(", "$((", "))", "$x",
        "${x:-", "${#", "EOF", "\nEOF\n", "f()", "2>", "x=", "é", "\u0000", "\r",
    };

    private static final List<String> CORPUS = List.of(
            "echo \"$HOME\" | wc -c > out.txt",
            "if a; then b; elif c; then d; else e; fi",
            "for i in 1 2 3; do echo $i; done",
            "while read x; do echo \"$x\"; done < in",
            "case $1 in a|b) echo ab;; (*) echo other;; esac",
            "f() { local x=1; echo ${x:-d} ${#x} ${x%%/*}; } > log 2>&1",
            "cat <<EOF | sort\n$a `b` $(c)\nEOF\necho done",
            "cat <<-'E'\n\tliteral $x\n\tE\n",
            "x=$(( (1 + $y) * 2 )) y=~/dir cmd *.c ?x [ab] \\* 'q' \"a${b}c\" &",
            "! a && b || { c; d; } | ( e; f ) &",
            "echo `echo \\`nested\\`` $(echo $(echo deep))",
            "a <in >out >>log 2>err 3<&0 4>&- &>all <<<here >|clobber 5<>rw");

    private volatile String current = "";

    @Test
    void randomAndMutatedInputsGiveATreeOrASyntaxError() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        System.out.println("FuzzTest: seed " + seed + ", " + count + " inputs (rerun with -Dfuzz.seed=" + seed + ")");
        try {
            // generous: a hang never ends, while a busy machine may make a healthy run slow
            assertTimeoutPreemptively(Duration.ofSeconds(300), () -> run(new Random(seed), count, seed));
        } catch (org.opentest4j.AssertionFailedError timeout) {
            if (timeout.getMessage() != null && timeout.getMessage().contains("timed out")) {
                fail("hang (seed " + seed + ") on input: " + printable(current), timeout);
            }
            throw timeout;
        }
    }

    @Test
    void deeplyNestedTextGetsATreeOrASyntaxErrorNotAStackOverflow() {
        for (String open : List.of("(", "{ ", "$(", "\"$(", "if a; then ", "${x:-", "`")) {
            for (int depth : new int[] {50, 400, 5_000, 50_000}) {
                String text = open.repeat(depth) + "a";
                current = text;
                try {
                    Script script = Parser.parse(text);
                    Printer.print(script);
                    TreeDump.dump(script);
                } catch (SyntaxError expected) {
                    // fine: either "nested too deeply" or the unclosed constructs
                }
            }
        }
    }

    @Test
    void nestingWithinTheLimitParses() {
        int depth = 130;
        // "( " with a blank: "((" where a command starts opens an arithmetic command, as in bash
        Script script = Parser.parse("( ".repeat(depth) + "a" + ")".repeat(depth));
        String printed = Printer.print(script);
        org.junit.jupiter.api.Assertions.assertEquals(Trees.withoutSpans(script), Trees.withoutSpans(Parser.parse(printed)));
        SyntaxError error = org.junit.jupiter.api.Assertions.assertThrows(SyntaxError.class,
                () -> Parser.parse("( ".repeat(2000) + "a" + ")".repeat(2000)));
        org.junit.jupiter.api.Assertions.assertTrue(error.detail().startsWith("the text is nested too deeply"), error.getMessage());
    }

    private void run(Random random, int count, long seed) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int trees = 0;
        for (int i = 0; i < count; i++) {
            String input = i % 2 == 0 ? randomText(random) : mutate(random, CORPUS.get(random.nextInt(CORPUS.size())));
            current = input;
            try {
                Script script = Parser.parse(input);
                String printed = Printer.print(script);
                TreeDump.dump(script);
                trees++;
                if (!input.contains("\\\n")) assertRoundTrip(seed, i, input, script, printed);
            } catch (SyntaxError expected) {
                // fine: the one error type
            } catch (Throwable other) {
                fail("seed " + seed + ", input #" + i + " " + printable(input) + " threw " + other, other);
            }
            try {
                Parser.classify(input);
            } catch (Throwable other) {
                fail("seed " + seed + ", classify of input #" + i + " " + printable(input) + " threw " + other, other);
            }
        }
        System.out.printf("FuzzTest: %d of %d inputs parsed, the rest were syntax errors (%.1f s, %.1f s CPU)%n",
                trees, count, (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private static void assertRoundTrip(long seed, int i, String input, Script script, String printed) {
        Script reparsed;
        try {
            reparsed = Parser.parse(printed);
        } catch (SyntaxError e) {
            throw new AssertionError("seed " + seed + ", input #" + i + " " + printable(input) + " printed as "
                    + printable(printed) + " which does not parse: " + e.getMessage(), e);
        }
        if (!Trees.withoutSpans(script).equals(Trees.withoutSpans(reparsed))) {
            fail("seed " + seed + ", input #" + i + " " + printable(input) + " printed as " + printable(printed)
                    + " parses to another tree");
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(24);
        for (int i = 0; i < pieces; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
        return text.toString();
    }

    private static String mutate(Random random, String base) {
        StringBuilder text = new StringBuilder(base);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> text.delete(Math.min(at, text.length()), Math.min(text.length(), at + 1 + random.nextInt(6)));
                case 1 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> {
                    int from = random.nextInt(text.length());
                    int to = Math.min(text.length(), from + 1 + random.nextInt(12));
                    text.insert(at, text.substring(from, to));
                }
                case 3 -> text.setLength(at);
                default -> {
                    if (at < text.length()) text.setCharAt(at, PIECES[random.nextInt(PIECES.length)].charAt(0));
                }
            }
        }
        return text.toString();
    }

    private static String printable(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"") + "\"";
    }
}
