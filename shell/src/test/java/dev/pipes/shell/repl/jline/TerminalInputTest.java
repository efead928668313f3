package dev.pipes.shell.repl.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class TerminalInputTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatIsTypedUntilTheEnd() throws Exception {
        Path typed = dir.resolve("typed");
        Files.writeString(typed, "first line\nsecond\n");
        TerminalInput input = new TerminalInput(Redirect.from(typed.toFile()));
        // up to the end of input (Ctrl-D on a terminal), as one reader; a later read starts another
        assertEquals("first line\nsecond\n", new String(input.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anInterruptedReadStopsPromptlyAndTheNextReaderTakesWhatIsTypedLater() throws Exception {
        Path keyboard = dir.resolve("keyboard");
        assertEquals(0, new ProcessBuilder("mkfifo", keyboard.toString()).start().waitFor());
        // held open for reading and writing, as a terminal stays open: nothing typed yet
        RandomAccessFile keys = new RandomAccessFile(keyboard.toFile(), "rw");
        TerminalInput input = new TerminalInput(Redirect.from(keyboard.toFile()));
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread feeder = Thread.ofPlatform().start(() -> {
            try {
                input.read(new byte[100], 0, 100);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        Thread.sleep(300); // the feeder waits: nothing typed
        long start = System.nanoTime();
        feeder.interrupt();
        assertInstanceOf(InterruptedIOException.class, ended.get(5, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(true, millis < 1000, "stopped after " + millis + " ms");

        try (keys) {
            keys.write("typed later\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = new byte[100];
            int n = input.read(line, 0, line.length); // a new reader starts and gets the whole line
            assertEquals("typed later\n", new String(line, 0, n, StandardCharsets.UTF_8));
        }
        input.stopReading();
    }
}
