package dev.pipes.engine.world;

import java.util.Map;
import java.util.TreeMap;

/**
 * The file descriptors of a command: an immutable map from descriptor number to {@link Channel}.
 * Redirections produce a new table; the shell's own table changes only through {@code exec}.
 */
public record FdTable(Map<Integer, Channel> channels) {
    public FdTable {
        channels = java.util.Collections.unmodifiableMap(new TreeMap<>(channels));
    }

    /** The descriptors of a pipesh process: its real 0, 1 and 2. */
    public static FdTable nativeStdio() {
        return new FdTable(Map.of(0, new Channel.Native(0), 1, new Channel.Native(1), 2, new Channel.Native(2)));
    }

    /** Descriptors 0, 1 and 2 bound to the given channels (tests, command substitution). */
    public static FdTable of(Channel in, Channel out, Channel err) {
        return new FdTable(Map.of(0, in, 1, out, 2, err));
    }

    /** The channel of {@code fd}, or {@code null} when it is not open. */
    public Channel get(int fd) {
        Channel channel = channels.get(fd);
        return channel instanceof Channel.Closed ? null : channel;
    }

    public FdTable with(int fd, Channel channel) {
        TreeMap<Integer, Channel> copy = new TreeMap<>(channels);
        copy.put(fd, channel);
        return new FdTable(copy);
    }

    public FdTable closed(int fd) {
        return with(fd, new Channel.Closed());
    }
}
