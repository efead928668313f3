package dev.pipes.engine.service;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A watch on the file store: the kernel's file notifications (inotify on Linux) for every
 * directory of the store, each new directory watched as it appears. A put renames a finished file
 * into place, so its key shows up as one creation; the value reported is the file's content when
 * the event is handled (a later change of the same key follows with its own event).
 */
final class FileStoreWatch implements ConfigStore.Watch {
    private final FileConfigStore store;
    private final String prefix;
    private final Consumer<ConfigStore.Change> listener;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
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

    /** Watches {@code dir} and the directories below it; with {@code report}, files already there are changes too. */
    private void registerTree(Path dir, boolean report) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path)) {
                    directories.put(path.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), path);
                } else if (report) {
                    fileChanged(path);
                }
            }
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
                } catch (IOException e) {
                    // the directory went away again: its deletion is reported by its parent
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
        if (closed) return;
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
