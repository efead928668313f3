package dev.pipes.completions.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CursorContextTest {
    /** The line's cursor is where '^' is (the '^' is removed); the table's last column is the context. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "^                          => COMMAND prefix= from=0",
        "gr^                        => COMMAND prefix=gr from=0",
        "ls | gr^                   => COMMAND prefix=gr from=5",
        "ls && ^                    => COMMAND prefix= from=6",
        "if ^                       => COMMAND prefix= from=3",
        "X=1 gr^                    => COMMAND prefix=gr from=4",
        "ls sr^                     => ARGUMENT prefix=sr from=3 command=ls index=1",
        "ls -l ^                    => ARGUMENT prefix= from=6 command=ls index=2 previous=-l",
        "cat 'my fi^                => ARGUMENT prefix=my fi from=4 command=cat index=1",
        "cat my\\ fi^               => ARGUMENT prefix=my fi from=4 command=cat index=1",
        "sort >ou^                  => FILE prefix=ou from=6",
        "sort 2> ^                  => FILE prefix= from=8",
        "X=~/d^                     => FILE prefix=~/d from=2",
        "echo $HO^                  => VARIABLE prefix=HO from=5",
        "echo \"a$^                 => VARIABLE prefix= from=7",
        "echo ${PA^                 => VARIABLE prefix=PA from=5",
        "echo '$HO^                 => ARGUMENT prefix=$HO from=5 command=echo index=1",
        "echo \\$HO^                => ARGUMENT prefix=$HO from=5 command=echo index=1",
        "fg %^                      => JOB prefix=% from=3",
        "kill -9 %1^                => JOB prefix=%1 from=8 previous=-9",
        "ls # comm^                 => NONE prefix= from=9",
        "cat <<EOF\\n^                => NONE prefix= from=10",
        "ls x^ | wc                 => ARGUMENT prefix=x from=3 command=ls index=1",
    })
    void knowsWhatIsTypedAtTheCursor(String line, String expected) {
        String text = line.strip().replace("\\n", "\n");
        int cursor = text.indexOf('^');
        CursorContext c = CursorContext.at(text.replace("^", ""), cursor);
        StringBuilder actual = new StringBuilder(c.kind() + " prefix=" + c.prefix() + " from=" + c.replaceFrom());
        if (c.kind() == CursorContext.Kind.ARGUMENT) actual.append(" command=").append(c.command()).append(" index=").append(c.argumentIndex());
        if (!c.previousWord().isEmpty()) actual.append(" previous=").append(c.previousWord());
        assertEquals(expected.strip(), actual.toString());
    }
}
