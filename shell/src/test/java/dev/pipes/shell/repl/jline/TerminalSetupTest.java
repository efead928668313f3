package dev.pipes.shell.repl.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal capabilities kept between starts, so that JLine runs no infocmp. */
class TerminalSetupTest {
    @TempDir
    Path cache;

    @Test
    void keptCapabilitiesAreGivenToJLineAndWrittenOnlyForPlainNames() throws Exception {
        String type = "pipes-test-term-" + System.nanoTime();
        Files.writeString(cache.resolve(type), "pipes-test-term|a test terminal,\n\tam, cols#80,\n");
        TerminalSetup.useKeptCapabilities(type, cache);
        assertEquals("pipes-test-term|a test terminal,\n\tam, cols#80,\n", InfoCmp.getLoadedInfoCmp(type));

        String other = "pipes-test-other-" + System.nanoTime();
        InfoCmp.setLoadedInfoCmp(other, "other|x,\n\tam,\n");
        TerminalSetup.keepCapabilities(other, cache);
        assertEquals("other|x,\n\tam,\n", Files.readString(cache.resolve(other)));

        assertFalse(TerminalSetup.plainName("../etc/passwd"));
        assertFalse(TerminalSetup.plainName(""));
        assertTrue(TerminalSetup.plainName("tmux-256color"));
    }

    @Test
    void aKeptCopyOlderThanTheSystemsEntryIsReplaced() throws Exception {
        // xterm's entry exists on any machine with terminfo; where it does not, there is nothing to compare
        if (TerminalSetup.terminfoEntry("xterm").isEmpty()) return;
        Path kept = cache.resolve("xterm");
        Files.writeString(kept, "stale");
        Files.setLastModifiedTime(kept, FileTime.fromMillis(0));
        String shipped = InfoCmp.getLoadedInfoCmp("xterm"); // JLine's own, restored for the tests after this one
        try {
            InfoCmp.setLoadedInfoCmp("xterm", "xterm|fresh,\n\tam,\n");
            TerminalSetup.keepCapabilities("xterm", cache);
            assertEquals("xterm|fresh,\n\tam,\n", Files.readString(kept));
        } finally {
            InfoCmp.setLoadedInfoCmp("xterm", shipped);
        }
    }
}
