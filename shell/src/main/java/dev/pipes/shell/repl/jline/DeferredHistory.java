package dev.pipes.shell.repl.jline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The history file, read after the first prompt is on the screen instead of before it: JLine
 * reads it when the first line is asked for ({@link #attach}), and a long history (thousands of
 * entries) would hold the prompt back. Here {@link #attach} starts the reading on a thread of its
 * own and returns; every other use (Up, Ctrl-R, autosuggestions, {@code history}) waits until it
 * is done, so nothing is ever missing, only possibly a moment late on the first keystroke.
 */
final class DeferredHistory implements History {
    private final DefaultHistory history = new DefaultHistory();
    private final Consumer<History> whenRead;
    private volatile CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);
    private LineReader attachedTo; // guarded by this

    /**
     * @param whenRead runs on the reading thread once the file is read, before any other use of
     *                 the history may go on (the shell learns the earlier entries there)
     */
    DeferredHistory(Consumer<History> whenRead) {
        this.whenRead = whenRead;
    }

    /** Completes when the history file was read (or at once when it is not attached yet). */
    CompletableFuture<Void> loaded() {
        return loading;
    }

    private DefaultHistory ready() {
        loading.join();
        return history;
    }

    @Override
    public synchronized void attach(LineReader reader) {
        if (attachedTo == reader) return;
        attachedTo = reader;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loading = done;
        Thread.ofPlatform().daemon().name("pipesh-history").start(() -> {
            try {
                history.attach(reader);
                whenRead.accept(history);
            } finally {
                done.complete(null); // JLine reports a broken file itself; the history is then empty
            }
        });
    }

    @Override public void load() throws IOException { ready().load(); }
    @Override public void save() throws IOException { ready().save(); }
    @Override public void write(Path file, boolean incremental) throws IOException { ready().write(file, incremental); }
    @Override public void append(Path file, boolean incremental) throws IOException { ready().append(file, incremental); }
    @Override public void read(Path file, boolean checkDuplicates) throws IOException { ready().read(file, checkDuplicates); }
    @Override public void purge() throws IOException { ready().purge(); }
    @Override public int size() { return ready().size(); }
    @Override public boolean isEmpty() { return ready().isEmpty(); }
    @Override public int index() { return ready().index(); }
    @Override public int first() { return ready().first(); }
    @Override public int last() { return ready().last(); }
    @Override public String get(int index) { return ready().get(index); }
    @Override public void add(String line) { ready().add(line); }
    @Override public void add(Instant time, String line) { ready().add(time, line); }
    @Override public boolean isPersistable(Entry entry) { return ready().isPersistable(entry); }
    @Override public ListIterator<Entry> iterator(int index) { return ready().iterator(index); }
    @Override public ListIterator<Entry> iterator() { return ready().iterator(); }
    @Override public Iterator<Entry> reverseIterator() { return ready().reverseIterator(); }
    @Override public Iterator<Entry> reverseIterator(int index) { return ready().reverseIterator(index); }
    @Override public String current() { return ready().current(); }
    @Override public boolean previous() { return ready().previous(); }
    @Override public boolean next() { return ready().next(); }
    @Override public boolean moveToFirst() { return ready().moveToFirst(); }
    @Override public boolean moveToLast() { return ready().moveToLast(); }
    @Override public boolean moveTo(int index) { return ready().moveTo(index); }
    @Override public void moveToEnd() { ready().moveToEnd(); }
    @Override public void resetIndex() { ready().resetIndex(); }

    @Override
    public String toString() {
        return ready().toString();
    }

}
