import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of bench/daemon.sh (not a test): the same queries sent (1) to a deployed
 * workflow's HTTP API, {@code POST /?wait=1} with the query as the raw body, and (2) to a fresh
 * {@code bash -c PIPELINE} per query with the query on its standard input. For each: the latency
 * of one query at a time (p50, p99, after a warm-up), then queries/s with CONCURRENCY clients.
 * Every answer is checked against the expected output (upper-cased, each line reversed, runs of
 * spaces squeezed): a wrong or mixed answer stops the benchmark.
 *
 * <p>Beside the wall-clock figures, which a loaded machine stretches, each row gives the CPU time
 * per query that the load does not change: for the daemon, its process's CPU time with that of its
 * children (the stages it started and waited for), from {@code /proc/PID/stat}; for bash, the CPU
 * time of the bash processes this program waited for (and theirs), from {@code /proc/self/stat}.
 *
 * java DaemonBench.java API TOKEN BASH_PIPELINE QUERIES CONCURRENCY SECONDS [DAEMON_PID]
 */
public class DaemonBench {
    public static void main(String[] args) throws Exception {
        String api = args[0];
        String token = args[1];
        String bash = args[2];
        int queries = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        double seconds = Double.parseDouble(args[5]);
        String daemonPid = args.length > 6 ? args[6] : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Client daemon = (i) -> {
            byte[] query = query(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + "?wait=1"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("query " + i + ": HTTP " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            check(i, response.body());
        };
        Client fresh = (i) -> {
            Process p = new ProcessBuilder("bash", "-c", bash).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(query(i));
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            int status = p.waitFor();
            if (status != 0) throw new IllegalStateException("bash -c exited " + status);
            check(i, out);
        };
        System.out.printf("%-46s %9s %9s %11s %14s%n", "", "p50 ms", "p99 ms", "queries/s", "CPU ms/query");
        row("pipes daemon: POST /?wait=1, 3 services", daemon, queries, concurrency, seconds,
                () -> daemonPid == null ? -1 : cpuTicks(daemonPid, true));
        row("bash -c per query: the same 3 commands", fresh, queries, concurrency, seconds,
                () -> cpuTicks("self", false));
    }

    interface Client {
        void query(long i) throws Exception;
    }

    private static final AtomicLong NEXT = new AtomicLong();

    /**
     * Clock ticks of CPU time from /proc/PID/stat: user and system time of the process itself when
     * {@code own}, plus those of its children it waited for; -1 when it cannot be read.
     */
    static long cpuTicks(String pid, boolean own) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command's name: state is f[0]; utime, stime, cutime, cstime are fields 14-17 of the file
            long children = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return own ? Long.parseLong(f[11]) + Long.parseLong(f[12]) + children : children;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Linux's USER_HZ: the unit of /proc's CPU times. */
    static final double TICK_MS = 10.0;

    private static void row(String label, Client client, int queries, int concurrency, double seconds,
                            java.util.function.LongSupplier cpu) throws Exception {
        long cpuBefore = cpu.getAsLong();
        long sent = 0;
        for (int w = 0; w < Math.max(20, queries / 10); w++) { client.query(NEXT.incrementAndGet()); sent++; } // warm-up
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
            long start = System.nanoTime();
            client.query(NEXT.incrementAndGet());
            nanos[q] = System.nanoTime() - start;
        }
        sent += queries;
        Arrays.sort(nanos);
        double p50 = nanos[(int) (queries * 0.50)] / 1e6;
        double p99 = nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)] / 1e6;
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        client.query(NEXT.incrementAndGet());
                        done.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                    stop.set(true);
                }
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        long answered = done.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (Thread t : threads) t.join();
        if (!failures.isEmpty()) throw new IllegalStateException(label + ": " + failures.get(0), failures.get(0));
        sent += done.get(); // read after the joins: the queries that ended after the stop count too
        long cpuAfter = cpu.getAsLong();
        String cpuPerQuery = cpuBefore < 0 || cpuAfter < 0 ? "-" : String.format("%.2f", (cpuAfter - cpuBefore) * TICK_MS / sent);
        System.out.printf("%-46s %9.2f %9.2f %11.0f %14s%n", label, p50, p99, answered / elapsed, cpuPerQuery);
    }

    /** Query i: a few distinct lines with runs of spaces. */
    static byte[] query(long i) {
        return ("query " + i + "  of  the   benchmark\nsecond line " + (i * 7919) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static void check(long i, byte[] got) {
        StringBuilder expected = new StringBuilder();
        for (String line : new String(query(i), StandardCharsets.UTF_8).split("\n")) {
            String up = line.toUpperCase(java.util.Locale.ROOT);
            expected.append(new StringBuilder(up).reverse().toString().replaceAll(" +", " ")).append('\n');
        }
        String text = new String(got, StandardCharsets.UTF_8);
        if (!text.contentEquals(expected)) {
            throw new IllegalStateException("query " + i + ": expected " + expected + " got " + text);
        }
    }
}
