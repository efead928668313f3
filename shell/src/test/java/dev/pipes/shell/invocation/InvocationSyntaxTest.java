package dev.pipes.shell.invocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.completions.spec.CommandSpec;
import dev.pipes.completions.spec.OptionSpec;
import dev.pipes.engine.interp.Options;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each form sh and bash accept on their command line, read into one {@link Invocation}. */
class InvocationSyntaxTest {
    private static Invocation parse(String... args) {
        try {
            return InvocationSyntax.parse(args);
        } catch (InvocationError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static String error(String... args) {
        return assertThrows(InvocationError.class, () -> InvocationSyntax.parse(args)).getMessage();
    }

    /** The settings as {@code -e +x -o pipefail}-like text, in order. */
    private static String settings(Invocation invocation) {
        return invocation.settings().stream().map(s -> (s.on() ? "-" : "+") + s.option().longName)
                .collect(Collectors.joining(" "));
    }

    @Test
    void dashCTakesTheFirstOperandAsTextThenNameAndArguments() {
        Invocation i = parse("-c", "echo $0 $1", "name", "a", "b");
        assertEquals(Invocation.Source.COMMAND, i.source());
        assertEquals("echo $0 $1", i.text());
        assertEquals(Optional.of("name"), i.arg0());
        assertEquals(List.of("a", "b"), i.positional());
        assertEquals(Optional.empty(), parse("-c", "true").arg0());
    }

    @Test
    void dashCIsAFlagSoOptionsMayFollowItAndGroupWithIt() {
        Invocation after = parse("-c", "-e", "false");
        assertEquals("false", after.text());
        assertEquals("-errexit", settings(after));
        Invocation grouped = parse("-ec", "false", "n");
        assertEquals("false", grouped.text());
        assertEquals("-errexit", settings(grouped));
        assertEquals(Optional.of("n"), grouped.arg0());
        assertEquals("-errexit", settings(parse("-ce", "false")));
    }

    @Test
    void aFileAndItsArguments() {
        Invocation i = parse("-x", "script.sh", "-e", "one");
        assertEquals(Invocation.Source.FILE, i.source());
        assertEquals("script.sh", i.text());
        assertEquals(Optional.of("script.sh"), i.arg0());
        assertEquals(List.of("-e", "one"), i.positional(), "options after the file are the script's");
        assertEquals("-xtrace", settings(i));
    }

    @Test
    void standardInputWithoutOperandsOrWithDashS() {
        Invocation none = parse("-e");
        assertEquals(Invocation.Source.STANDARD_INPUT, none.source());
        assertEquals(List.of(), none.positional());
        Invocation s = parse("-s", "a", "b");
        assertEquals(Invocation.Source.STANDARD_INPUT, s.source());
        assertEquals(List.of("a", "b"), s.positional());
        assertEquals(Optional.empty(), s.arg0());
        assertEquals(List.of("a", "-x"), parse("-s", "--", "a", "-x").positional());
    }

    @Test
    void dashAndDoubleDashEndTheOptions() {
        Invocation dash = parse("-e", "-", "-x.sh", "a");
        assertEquals(Invocation.Source.FILE, dash.source());
        assertEquals("-x.sh", dash.text());
        assertEquals("-errexit", settings(dash));
        Invocation doubleDash = parse("--", "-e");
        assertEquals("-e", doubleDash.text());
        assertEquals("", settings(doubleDash));
        assertEquals(Invocation.Source.STANDARD_INPUT, parse("-").source());
    }

    @Test
    void setLettersTurnOnWithMinusAndOffWithPlusInOrder() {
        assertEquals("-errexit -nounset -xtrace -noglob -noclobber -verbose -allexport",
                settings(parse("-euxfCva", "-c", "true")));
        assertEquals("-errexit +errexit -xtrace", settings(parse("-e", "+e", "-x", "-c", "true")));
        assertEquals("-noexec", settings(parse("-n", "-c", "true")));
    }

    @Test
    void dashOTakesTheNextArgumentAndEachOInAGroupTakesOneInTurn() {
        assertEquals("-pipefail", settings(parse("-o", "pipefail", "-c", "true")));
        assertEquals("+noglob", settings(parse("+o", "noglob", "-c", "true")));
        assertEquals("-errexit -noglob", settings(parse("-oo", "errexit", "noglob", "-c", "true")));
        assertEquals("-errexit -nounset -pipefail", settings(parse("-euo", "pipefail", "-c", "true")));
        Invocation mixed = parse("-ceo", "pipefail", "false | true", "n");
        assertEquals("false | true", mixed.text());
        assertEquals(Optional.of("n"), mixed.arg0());
    }

    @Test
    void interactiveLoginAndStartupFiles() {
        Invocation i = parse("-il", "--rcfile", "my.rc", "--noprofile");
        assertTrue(i.interactive());
        assertTrue(i.login());
        assertTrue(i.noProfile());
        assertEquals(Optional.of("my.rc"), i.rcFile());
        assertEquals(Optional.of("x.rc"), parse("--init-file=x.rc").rcFile());
        assertTrue(parse("--login").login());
        assertTrue(parse("--norc").noRc());
        assertTrue(parse("--embedded", "-c", "true").embedded());
        assertTrue(parse().interactive(true), "standard input on a terminal");
        assertFalse(parse().interactive(false));
        assertFalse(parse("-c", "true").interactive(true), "-c is not interactive unless -i");
        assertTrue(parse("-i", "-c", "true").interactive(false));
    }

    @Test
    void informationalOptions() {
        assertEquals(Invocation.Action.HELP, parse("--help").action());
        assertEquals(Invocation.Action.HELP, parse("-h").action());
        assertEquals(Invocation.Action.VERSION, parse("--version").action());
        assertEquals(Invocation.Action.VERSION, parse("-V").action());
        Invocation completion = parse("--completion", "zsh");
        assertEquals(Invocation.Action.COMPLETION, completion.action());
        assertEquals("zsh", completion.completionShell());
        Invocation parseOnly = parse("--parse-only", "-c", "a | b");
        assertEquals(Invocation.Action.PARSE_ONLY, parseOnly.action());
        assertEquals("a | b", parseOnly.text());
        assertEquals(Invocation.Action.RUN, parse("-n", "-c", "x").action(), "-n is noexec, not parse-only");
    }

    @Test
    void badCommandLinesAreNamed() {
        assertEquals("-q: invalid option", error("-q"));
        assertEquals("+c: invalid option", error("+c", "true"));
        assertEquals("--frobnicate: invalid option", error("--frobnicate"));
        assertEquals("-o: option requires an argument", error("-o"));
        assertEquals("nosuch: invalid option name", error("-o", "nosuch"));
        assertEquals("-c: option requires an argument", error("-c"));
        assertEquals("--rcfile: option requires an argument", error("--rcfile"));
        assertEquals("--norc: option takes no argument", error("--norc=x"));
    }

    @Test
    void theHelpListsEveryOptionOfTheTable() {
        String help = InvocationSyntax.help();
        for (InvocationSyntax.Entry entry : InvocationSyntax.ENTRIES) {
            for (String spelling : entry.spellings()) assertTrue(help.contains(spelling), spelling + " in\n" + help);
        }
        assertTrue(help.contains("  -c TEXT "), help);
        assertTrue(help.contains("  -o OPTION "), help);
    }

    @Test
    void theCompletionSpecIsTheSameTable() {
        CommandSpec spec = InvocationSyntax.completionSpec();
        assertEquals("pipesh", spec.command());
        Map<String, OptionSpec> bySpelling = spec.options().stream()
                .flatMap(o -> o.spellings().stream().map(s -> Map.entry(s, o)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (InvocationSyntax.Entry entry : InvocationSyntax.ENTRIES) {
            for (String spelling : entry.spellings()) assertTrue(bySpelling.containsKey(spelling), spelling);
        }
        for (Options.Option option : Options.Option.values()) {
            assertTrue(bySpelling.get("-o").values().contains(option.longName), option.longName);
        }
        assertEquals(List.of("bash", "zsh", "fish"), bySpelling.get("--completion").values());
        assertTrue(bySpelling.get("-c").takesValue(), "after -c comes TEXT, not a file");
    }
}
