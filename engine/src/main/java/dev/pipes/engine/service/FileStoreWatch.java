package dev.pipes.engine.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A watch on the file store: the kernel's file notifications (inotify on Linux) for every
 * directory of the store, each new directory watched as it appears. A put renames a finished file
 * into place, so its key shows up as one creation; the value reported is the file's content when
 * the event is handled (a later change of the same key follows with its own event).
 *
 * <p>One put can reach the watch twice: a new directory is watched first and then walked, so a file
 * renamed into it between the two is both found by the walk and announced by the kernel; and two
 * quick puts are each read as the later value. So the watch remembers what it last reported for
 * each key and reports only what differs from that: a change, never the same state twice.
 */
final class FileStoreWatch implements ConfigStore.Watch {
    private final FileConfigStore store;
    private final String prefix;
    private final Consumer<ConfigStore.Change> listener;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
    /** What was last reported for each key (read and written on the watch's thread only). */
    private final Map<String, ConfigStore.Change> reported = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    private FileStoreWatch(FileConfigStore store, String prefix, Consumer<ConfigStore.Change> listener) throws IOException {
        this.store = store;
        this.prefix = prefix;
        this.listener = listener;
        this.service = store.root().getFileSystem().newWatchService();
        this.thread = Thread.ofPlatform().daemon().name("pipes-store-watch").unstarted(this::loop);
    }

    static FileStoreWatch start(FileConfigStore store, String prefix, Consumer<ConfigStore.Change> listener) throws IOException {
        FileStoreWatch watch = new FileStoreWatch(store, prefix, listener);
        watch.registerTree(store.root(), false);
        watch.thread.start();
        return watch;
    }

    /**
     * Watches {@code dir} and the directories below it; with {@code report}, files already there are
     * changes too. Each directory is watched before it is listed, so a file that arrives meanwhile is
     * listed or announced (or both). The listing reads no attributes of its own: a temporary file of a
     * put may be renamed away between the listing and a look at it, and that must not end the watch.
     */
    private void registerTree(Path dir, boolean report) throws IOException {
        directories.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) registerTree(entry, report);
                else if (report) fileChanged(entry);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    private void loop() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = directories.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) continue;
                Path path = dir.resolve((Path) event.context());
                try {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                        String name = store.key(path);
                        if (name != null && name.startsWith(prefix)) deliver(ConfigStore.Change.deleted(name));
                    } else if (Files.isDirectory(path)) {
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) registerTree(path, true);
                    } else {
                        fileChanged(path);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // the file or directory went away again: its deletion is reported by its own event
                }
            }
            if (!key.reset()) directories.remove(key);
        }
    }

    private void fileChanged(Path path) {
        String name = store.key(path);
        if (name == null || !name.startsWith(prefix)) return;
        store.get(name).ifPresent(value -> deliver(ConfigStore.Change.put(name, value)));
    }

    private void deliver(ConfigStore.Change change) {
        if (closed || change.equals(reported.put(change.key(), change))) return;
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            // a failing listener must not end the watch for the changes that follow
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to stop
        }
    }
}
