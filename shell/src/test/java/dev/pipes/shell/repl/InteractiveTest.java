package dev.pipes.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractiveTest {
    @ParameterizedTest(name = "{0} => {1}")
    @CsvSource({
        "/dev/pts/3, true", "/dev/pts/12, true", "/dev/tty1, true", "/dev/tty, true", "/dev/console, true",
        "'pipe:[81234]', false", "/dev/null, false", "/home/ann/input.txt, false", "'socket:[5]', false",
        "/dev/ptsx, false",
    })
    void knowsATerminalDeviceFromAPipeOrAFile(String device, boolean terminal) {
        assertEquals(terminal, Interactive.isTerminalDevice(device));
    }
}
