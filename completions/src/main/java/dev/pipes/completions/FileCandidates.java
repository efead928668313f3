package dev.pipes.completions;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files and directories that complete a typed path: {@code sr} in the working directory,
 * {@code src/ma}, {@code ~/Doc}, {@code /us}. The candidates keep the typed directory part as
 * written, so that {@code ~/Doc} becomes {@code ~/Documents/}. Hidden entries appear only when the
 * typed name starts with a dot.
 */
final class FileCandidates {
    enum Filter { ALL, DIRECTORIES, EXECUTABLES }

    private FileCandidates() {}

    static List<Candidate> complete(String typed, Path workingDirectory, String home, Filter filter) {
        int slash = typed.lastIndexOf('/');
        String directoryPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        String namePrefix = typed.substring(slash + 1);
        Path directory = resolve(directoryPart, workingDirectory, home);
        List<Candidate> candidates = new ArrayList<>();
        if (directory == null) return candidates;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(namePrefix) || (name.startsWith(".") && !namePrefix.startsWith("."))) continue;
                boolean isDirectory = Files.isDirectory(entry);
                if (isDirectory) {
                    candidates.add(new Candidate(directoryPart + name + "/", Candidate.Kind.DIRECTORY, "", false));
                } else if (filter == Filter.ALL || (filter == Filter.EXECUTABLES && Files.isExecutable(entry))) {
                    candidates.add(Candidate.of(directoryPart + name, Candidate.Kind.FILE));
                }
            }
        } catch (IOException | SecurityException e) {
            // a directory that cannot be listed offers nothing
        }
        candidates.sort((a, b) -> a.value().compareTo(b.value()));
        return candidates;
    }

    private static Path resolve(String directoryPart, Path workingDirectory, String home) {
        if (directoryPart.isEmpty()) return workingDirectory;
        String path = directoryPart;
        if (path.equals("~/") || path.startsWith("~/")) {
            if (home == null) return null;
            path = home + path.substring(1);
        }
        Path resolved = workingDirectory.resolve(path);
        return Files.isDirectory(resolved) ? resolved : null;
    }
}
