package dev.pipes.docker.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Builds the cluster's images with docker-java, none of them from a public registry (none is
 * reachable where pipes runs; every image starts {@code FROM scratch} or from one built here):
 * <ul>
 * <li>the agent image: a jlinked JRE, the jars of pipes' engine and the C libraries they need;
 *     it runs the stage agent, the central router and, with its own command, nothing else;</li>
 * <li>a service's image: the agent image plus the executable and the shared libraries ldd finds
 *     (or a user's base image, or one built from a user's Dockerfile, with the agent copied in);</li>
 * <li>a plain image of one executable and its libraries (etcd).</li>
 * </ul>
 */
public final class ImageBuilder {
    public static final String AGENT_REPOSITORY = "pipes-agent";
    /** Where the agent lives in every image. */
    static final String HOME = "/opt/pipes";
    static final String JAVA = HOME + "/jre/bin/java";
    /** The JDK modules the agent and the router need (Netty wants jdk.unsupported, DNS java.naming). */
    static final String MODULES = "java.base,java.logging,java.management,java.naming,jdk.unsupported,jdk.crypto.ec";

    private final DockerClient docker;
    private final Map<String, String> labels;

    public ImageBuilder(DockerClient docker, Map<String, String> labels) {
        this.docker = docker;
        this.labels = Map.copyOf(labels);
    }

    /** The command that runs {@code mainClass} of pipes' engine in an image built here. */
    public static List<String> javaCommand(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:-UsePerfData", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-cp", HOME + "/lib/*", mainClass));
        cmd.addAll(args);
        return cmd;
    }

    /** The agent image of this pipes (built once per set of jars and JDK; {@code progress} says what happens). */
    public String agentImage(Consumer<String> progress) throws IOException {
        List<Path> classPath = classPath();
        String tag = AGENT_REPOSITORY + ":" + fingerprint(classPath);
        if (exists(tag)) return tag;
        progress.accept("building the agent image " + tag + " (a JRE and pipes' jars; once)");
        Path jre = Files.createTempDirectory("pipes-jre").resolve("jre");
        try {
            jlink(jre);
            BuildContext context = new BuildContext();
            context.tree(HOME + "/jre", jre);
            int i = 0;
            for (Path entry : classPath) {
                String name = String.format("%03d-%s", i++, entry.getFileName());
                if (Files.isDirectory(entry)) context.tree(HOME + "/lib/" + name, entry);
                else context.file(HOME + "/lib/" + name + (name.endsWith(".jar") ? "" : ".jar"), entry);
            }
            Set<Path> libs = new LinkedHashSet<>();
            try (var walk = Files.walk(jre)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String n = p.getFileName().toString();
                    if (Files.isRegularFile(p) && (n.endsWith(".so") || p.getParent().endsWith("bin"))) libs.addAll(SharedLibraries.ldd(p, false));
                }
            }
            for (Path lib : libs) {
                Path at = lib.normalize();
                if (!at.startsWith(jre.getParent())) context.file(at.toString(), lib); // the JRE's own are in it already
            }
            context.directory("/tmp", 01777);
            context.bytes("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0644);
            context.dockerfile("FROM scratch\nCOPY rootfs/ /\nENV JAVA_HOME=" + HOME + "/jre PATH=/usr/local/bin:/usr/bin:/bin\n"
                    + "LABEL dev.pipes.agent=1\n");
            build(context, tag, progress, Map.of()); // shared by every cluster of this engine: no cluster's labels
            untagOlderAgents(tag);
            return tag;
        } finally {
            deleteTree(jre.getParent());
        }
    }

    /**
     * The image of service {@code name} wrapping {@code executable}: FROM the agent image with the
     * executable and its libraries, or FROM {@code base} (a user's image, or one built from
     * {@code dockerfile}) with the agent copied in. Returns the tag.
     */
    public String serviceImage(String cluster, String name, Path executable, String base, Path dockerfile,
                               Consumer<String> progress) throws IOException {
        String agent = agentImage(progress);
        String tag = "pipes-" + cluster + "-" + name.toLowerCase(java.util.Locale.ROOT) + ":latest";
        if (dockerfile != null) {
            base = "pipes-" + cluster + "-" + name.toLowerCase(java.util.Locale.ROOT) + "-base:latest";
            progress.accept("building " + base + " from " + dockerfile);
            if (!dockerfile.getFileName().toString().equals("Dockerfile")) {
                throw new IOException("--dockerfile: the file must be named Dockerfile (its directory is the build context)");
            }
            build(BuildContext.ofDirectory(dockerfile.getParent()), base, progress);
        }
        BuildContext context = new BuildContext();
        String exe = executable.toString();
        context.file(exe, executable);
        StringBuilder file = new StringBuilder();
        if (base == null) {
            for (Path lib : SharedLibraries.of(executable)) if (!context.has(lib.toString())) context.file(lib.toString(), lib);
            file.append("FROM ").append(agent).append('\n');
        } else {
            if (!exists(base)) throw new IOException("--base: no image " + base + " on this Docker engine (images are never pulled)");
            file.append("FROM ").append(agent).append(" AS agent\nFROM ").append(base).append('\n')
                    .append("COPY --from=agent ").append(HOME).append(' ').append(HOME).append('\n');
        }
        file.append("COPY rootfs/ /\n");
        file.append("ENTRYPOINT ").append(json(javaCommand("dev.pipes.engine.agent.StageAgentMain", List.of(exe)))).append('\n');
        context.dockerfile(file.toString());
        build(context, tag, progress);
        return tag;
    }

    /** An image of {@code executable} alone (FROM scratch, with its libraries), e.g. etcd's. */
    public String executableImage(String tag, Path executable, Consumer<String> progress) throws IOException {
        if (exists(tag)) return tag;
        BuildContext context = new BuildContext();
        context.file(executable.toString(), executable);
        for (Path lib : SharedLibraries.of(executable)) if (!context.has(lib.toString())) context.file(lib.toString(), lib);
        context.directory("/tmp", 01777);
        context.dockerfile("FROM scratch\nCOPY rootfs/ /\n");
        build(context, tag, progress, Map.of()); // shared by every cluster of this engine
        return tag;
    }

    /** The size of image {@code tag} in bytes. */
    public long size(String tag) {
        Long size = docker.inspectImageCmd(tag).exec().getSize();
        return size == null ? -1 : size;
    }

    /** Pushes {@code tag} to {@code registry} (HOST:PORT) as REGISTRY/REPOSITORY:TAG; returns that name. */
    public String push(String tag, String registry, Consumer<String> progress) throws IOException {
        String remote = registry + "/" + tag;
        int colon = remote.lastIndexOf(':');
        docker.tagImageCmd(tag, remote.substring(0, colon), remote.substring(colon + 1)).exec();
        progress.accept("pushing " + remote);
        try {
            docker.pushImageCmd(remote).exec(new ResultCallback.Adapter<PushResponseItem>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.getErrorDetail() != null) onError(new IOException(item.getErrorDetail().getMessage()));
                }
            }).awaitCompletion(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pushing " + remote);
        } catch (RuntimeException e) {
            throw new IOException("cannot push " + remote + ": " + e.getMessage(), e);
        }
        return remote;
    }

    /**
     * Removes the tags of the agent images of earlier builds of pipes (each set of jars makes one):
     * an image still used by a container or an image stays, its tag goes.
     */
    private void untagOlderAgents(String current) {
        try {
            for (var image : docker.listImagesCmd().withImageNameFilter(AGENT_REPOSITORY).exec()) {
                if (image.getRepoTags() == null) continue;
                for (String t : image.getRepoTags()) {
                    if (!t.startsWith(AGENT_REPOSITORY + ":") || t.equals(current)) continue;
                    try {
                        docker.removeImageCmd(t).withNoPrune(false).exec();
                    } catch (RuntimeException e) {
                        // in use by a container: it stays
                    }
                }
            }
        } catch (RuntimeException e) {
            // housekeeping only
        }
    }

    boolean exists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void build(BuildContext context, String tag, Consumer<String> progress) throws IOException {
        build(context, tag, progress, labels);
    }

    private void build(BuildContext context, String tag, Consumer<String> progress, Map<String, String> imageLabels)
            throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        context.writeTo(tar);
        long bytes = tar.size();
        InputStream in = new ByteArrayInputStream(tar.toByteArray());
        progress.accept(String.format("sending %.1f MB of build context for %s", bytes / 1e6, tag));
        try {
            docker.buildImageCmd(in).withTags(Set.of(tag)).withPull(false).withLabels(imageLabels).withRemove(true)
                    .withForcerm(true) // a failed step's container too
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            String text = item.getStream();
                            if (text != null && text.startsWith("Step ")) progress.accept(text.strip());
                            super.onNext(item);
                        }
                    }).awaitImageId(10, TimeUnit.MINUTES);
        } catch (DockerClientException e) {
            throw new IOException("the image build of " + tag + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("the image build of " + tag + " failed: " + e.getMessage(), e);
        }
    }

    /** The jars and class directories of the running pipes (a jar's manifest Class-Path followed). */
    static List<Path> classPath() {
        Set<Path> out = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) add(Path.of(entry).toAbsolutePath().normalize(), out);
        }
        return new ArrayList<>(out);
    }

    private static void add(Path entry, Set<Path> out) {
        if (!Files.exists(entry) || !out.add(entry) || Files.isDirectory(entry)) return;
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null) return;
            for (String more : cp.trim().split("\\s+")) if (!more.isEmpty()) add(entry.resolveSibling(more).normalize(), out);
        } catch (IOException e) {
            // not a jar: it is copied as it is
        }
    }

    private static String fingerprint(List<Path> classPath) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + Runtime.version() + MODULES + "v1").getBytes(StandardCharsets.UTF_8));
            for (Path p : classPath) {
                sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(p)) {
                    try (var walk = Files.walk(p)) {
                        for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
                            if (Files.isRegularFile(f)) sha.update((f + ":" + Files.getLastModifiedTime(f).toMillis()).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    sha.update((Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jlink(Path output) throws IOException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        if (!Files.isExecutable(jlink)) throw new IOException("no jlink in " + System.getProperty("java.home") + " (a JDK is needed to build the agent image)");
        Process p = new ProcessBuilder(jlink.toString(), "--add-modules", MODULES, "--output", output.toString(),
                // a default CDS archive in the JRE: each agent's JVM starts faster (-Xshare:auto uses it)
                "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException("jlink failed: " + out.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jlink");
        }
    }

    static String json(List<String> words) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) b.append(", ");
            b.append('"').append(words.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(']').toString();
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
