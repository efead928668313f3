package dev.pipes.docker.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Docker build context, written as a tar: a {@code Dockerfile} and a {@code rootfs/} tree that
 * the Dockerfile copies into the image. Files are added by the path they get in the image; a
 * symbolic link on the host is stored as the file it points to (an image needs the bytes). The
 * tar is plain ustar, written here because a build context needs nothing more.
 */
public final class BuildContext {
    private final Map<String, Entry> entries = new TreeMap<>();
    private String dockerfile = "FROM scratch\nCOPY rootfs/ /\n";
    private String prefix = "rootfs/";

    /** A user's context: the files of {@code directory} at the top level, its own Dockerfile among them. */
    public static BuildContext ofDirectory(Path directory) throws IOException {
        BuildContext context = new BuildContext();
        context.prefix = "";
        context.dockerfile = null;
        try (var list = Files.list(directory)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = "/" + p.getFileName();
                if (Files.isDirectory(p)) context.tree(name, p);
                else if (Files.isRegularFile(p)) context.file(name, p);
            }
        }
        return context;
    }

    private record Entry(Path source, byte[] bytes, int mode, boolean directory) {}

    public BuildContext dockerfile(String text) {
        this.dockerfile = text;
        return this;
    }

    /** Adds host file {@code source} at {@code imagePath} (absolute), with its permissions. */
    public BuildContext file(String imagePath, Path source) throws IOException {
        Path real = source.toRealPath();
        entries.put(relative(imagePath), new Entry(real, null, mode(real), false));
        return this;
    }

    /** Adds {@code bytes} at {@code imagePath} with {@code mode}. */
    public BuildContext bytes(String imagePath, byte[] bytes, int mode) {
        entries.put(relative(imagePath), new Entry(null, bytes, mode, false));
        return this;
    }

    /** Adds an empty directory (e.g. {@code /tmp} with mode 01777). */
    public BuildContext directory(String imagePath, int mode) {
        entries.put(relative(imagePath), new Entry(null, null, mode, true));
        return this;
    }

    /** Adds the tree under {@code root} at {@code imagePath}: its regular files (links followed) and directories. */
    public BuildContext tree(String imagePath, Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String at = imagePath + (p.equals(root) ? "" : "/" + root.relativize(p).toString().replace('\\', '/'));
                if (Files.isDirectory(p)) directory(at, 0755);
                else if (Files.isRegularFile(p)) file(at, p);
            }
        }
        return this;
    }

    /** Whether something is at {@code imagePath} already. */
    public boolean has(String imagePath) {
        return entries.containsKey(relative(imagePath));
    }

    private String relative(String imagePath) {
        String p = imagePath.startsWith("/") ? imagePath.substring(1) : imagePath;
        if (p.isEmpty() || p.contains("..")) throw new IllegalArgumentException("not a path in an image: " + imagePath);
        return prefix + p;
    }

    private static int mode(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        int mode = 0;
        for (PosixFilePermission p : perms) mode |= 1 << (8 - p.ordinal());
        return mode;
    }

    /** The sum of the files' sizes (progress). */
    public long bytes() throws IOException {
        long total = dockerfile == null ? 0 : dockerfile.length();
        for (Entry e : entries.values()) total += e.bytes != null ? e.bytes.length : e.source != null ? Files.size(e.source) : 0;
        return total;
    }

    /** Writes the context as a tar to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        if (dockerfile != null) {
            write(out, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), null, 0644, false);
            write(out, "rootfs/", null, null, 0755, true);
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            write(out, e.getKey() + (entry.directory ? "/" : ""), entry.bytes, entry.source, entry.mode, entry.directory);
        }
        out.write(new byte[1024]); // two zero blocks end the archive
        out.flush();
    }

    private static void write(OutputStream out, String name, byte[] bytes, Path source, int mode, boolean directory)
            throws IOException {
        long size = directory ? 0 : bytes != null ? bytes.length : Files.size(source);
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        String prefix = "";
        if (nameBytes.length > 100) { // ustar: up to 155 bytes of directories go to the prefix field
            int cut = name.lastIndexOf('/', name.length() - 2);
            while (cut > 0 && (name.length() - cut - 1 > 100 || cut > 155)) cut = name.lastIndexOf('/', cut - 1);
            if (cut <= 0) throw new IOException("path too long for the build context: " + name);
            prefix = name.substring(0, cut);
            nameBytes = name.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
        }
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 0);
        header[156] = (byte) (directory ? '5' : '0');
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, header, 257, magic.length);
        byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefixBytes, 0, header, 345, prefixBytes.length);
        for (int i = 148; i < 156; i++) header[i] = ' ';
        long sum = 0;
        for (byte b : header) sum += b & 0xff;
        octal(header, 148, 7, sum);
        out.write(header);
        if (directory) return;
        if (bytes != null) out.write(bytes);
        else try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(out);
        }
        int pad = (int) ((512 - size % 512) % 512);
        out.write(new byte[pad]);
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String s = Long.toOctalString(value);
        if (s.length() > length - 1) throw new IllegalArgumentException("too large for a tar header: " + value);
        s = "0".repeat(length - 1 - s.length()) + s;
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
        header[offset + length - 1] = 0;
    }
}
