package dev.pipes.shell.repl.jline;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.utils.InfoCmp;

/**
 * What JLine would otherwise do at every start of the interactive shell, before the first prompt,
 * done once: it unpacks its native library from its jar into the temporary directory (after
 * listing that directory to clean up old copies), and for a terminal type it does not ship
 * ({@code tmux-256color}, say) it runs {@code infocmp -x TYPE} to learn the capabilities. The build
 * unpacks the library beside {@code pipesh.jar}; the capabilities {@code infocmp} gave are kept in
 * {@code $PIPES_HOME/cache/terminfo/TYPE} and used as long as the system's terminfo entry is not
 * newer.
 */
final class TerminalSetup {
    private TerminalSetup() {}

    /** Where the build unpacks JLine's native libraries (shell/pom.xml), beside the jar. */
    static final String NATIVE_DIRECTORY = "native/org/jline/nativ";
    private static final List<String> TERMINFO_DIRECTORIES = List.of("/etc/terminfo", "/lib/terminfo",
            "/usr/share/terminfo", "/usr/lib/terminfo");

    /** Points JLine at the unpacked native library, when the build unpacked one for this machine. */
    static void useUnpackedNativeLibrary() {
        if (System.getProperty("library.jline.path") != null) return;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) return;
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> "";
        };
        if (arch.isEmpty()) return;
        besideTheJar().map(dir -> dir.resolve(NATIVE_DIRECTORY).resolve("Linux").resolve(arch))
                .filter(dir -> Files.isRegularFile(dir.resolve("libjlinenative.so")))
                .ifPresent(dir -> {
                    System.setProperty("library.jline.path", dir.toString());
                    System.setProperty("library.jline.name", "libjlinenative.so");
                });
    }

    private static Optional<Path> besideTheJar() {
        try {
            return Optional.of(Path.of(TerminalSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A terminal type that can safely name a file. */
    static boolean plainName(String type) {
        return type != null && type.matches("[A-Za-z0-9][A-Za-z0-9._+-]*");
    }

    /**
     * Gives JLine the capabilities of terminal {@code type} kept from an earlier start, so that
     * it runs no {@code infocmp}; does nothing when none are kept or the system's entry changed since.
     */
    static void useKeptCapabilities(String type, Path cache) {
        if (!plainName(type)) return;
        Path kept = cache.resolve(type);
        if (!fresh(kept, type)) return;
        try {
            InfoCmp.setLoadedInfoCmp(type, Files.readString(kept, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // then JLine asks infocmp, as it would without us
        }
    }

    /** Whether {@code kept} exists and the system's terminfo entry of {@code type} is not newer. */
    private static boolean fresh(Path kept, String type) {
        try {
            if (!Files.isRegularFile(kept)) return false;
            FileTime keptAt = Files.getLastModifiedTime(kept);
            Optional<Path> entry = terminfoEntry(type);
            return entry.isEmpty() || Files.getLastModifiedTime(entry.get()).compareTo(keptAt) <= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps the capabilities JLine learnt for {@code type} for the next start (after the first prompt). */
    static void keepCapabilities(String type, Path cache) {
        if (!plainName(type)) return;
        Path kept = cache.resolve(type);
        if (fresh(kept, type)) return;
        String capabilities = InfoCmp.getLoadedInfoCmp(type);
        if (capabilities == null || capabilities.isBlank()) return;
        try {
            Files.createDirectories(cache);
            Path temporary = Files.createTempFile(cache, type, ".tmp");
            Files.writeString(temporary, capabilities, StandardCharsets.UTF_8);
            Files.move(temporary, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            // a read-only home: infocmp runs again next time, nothing worse
        }
    }

    /** The compiled terminfo entry of {@code type} where ncurses looks for it, if any. */
    static Optional<Path> terminfoEntry(String type) {
        String first = type.substring(0, 1);
        String hex = String.format("%02x", (int) type.charAt(0));
        for (String directory : searchPath()) {
            for (String sub : List.of(first, hex)) {
                Path entry = Path.of(directory, sub, type);
                if (Files.isRegularFile(entry)) return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static List<String> searchPath() {
        String terminfo = System.getenv("TERMINFO");
        String home = System.getProperty("user.home");
        java.util.ArrayList<String> path = new java.util.ArrayList<>();
        if (terminfo != null && !terminfo.isEmpty()) path.add(terminfo);
        if (home != null) path.add(home + "/.terminfo");
        String dirs = System.getenv("TERMINFO_DIRS");
        if (dirs != null) for (String d : dirs.split(":")) if (!d.isEmpty()) path.add(d);
        path.addAll(TERMINFO_DIRECTORIES);
        return path;
    }
}
