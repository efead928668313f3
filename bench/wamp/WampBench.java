import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.InvocationHandler;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializer;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.IoTransport;
import dev.pipes.wamp.transport.netty.WebSocketTransport;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/wamp: RPC round trips per second and latency through the pipes router over loopback
 * WebSocket, with 1 and 8 concurrent callers, JSON and msgpack, and MB/s with 64 KiB binary
 * payloads; beside the same figures for autobahn-python's client against the same router, and a
 * loopback TCP ping-pong as the floor. Not a test: it prints figures and ratios.
 *
 * usage: java -cp ROUTER_JAR WampBench.java ROUTER_URL PYTHON_BENCH_SCRIPT SECONDS
 */
public class WampBench {
    record Stats(long calls, double seconds, double p50us, double p99us, long bytes, double routerCpuUs, double clientCpuUs) {
        Stats(long calls, double seconds, double p50us, double p99us, long bytes) {
            this(calls, seconds, p50us, p99us, bytes, 0, 0);
        }

        double perSecond() { return calls / seconds; }
        double mbPerSecond() { return bytes / seconds / 1e6; }
    }

    static final byte[] BINARY = new byte[64 * 1024];
    static long routerPid;

    /** CPU time (user + system) a process used so far, in microseconds, from /proc (Linux). */
    static double cpuMicros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1e6 / 100; // clock ticks of 10 ms
        } catch (Exception e) {
            return 0;
        }
    }

    public static void main(String[] args) throws Exception {
        IoTransport.useProductionSettings();
        URI url = URI.create(args[0]);
        Path python = Path.of(args[1]);
        double seconds = Double.parseDouble(args[2]);
        routerPid = args.length > 3 ? Long.parseLong(args[3]) : 0;
        System.out.printf("load average before: %s%n", loadAverage());

        Stats tcp = tcpPingPong(seconds);
        System.out.printf("baseline: loopback TCP 1-byte ping-pong, 1 thread pair: %,.0f round trips/s, p50 %.0f us, p99 %.0f us%n%n",
                tcp.perSecond(), tcp.p50us(), tcp.p99us());

        // the callee on its own I/O thread, as a service in another process would be
        var calleeGroup = new io.netty.channel.MultiThreadIoEventLoopGroup(1, IoTransport.handlerFactory());
        WampClient callee = WampClient.create(new WebSocketTransport(url, List.of(Serializers.MSGPACK),
                dev.pipes.wamp.transport.netty.WebSocketSettings.defaults(), calleeGroup), "realm1");
        callee.connect().get(5, TimeUnit.SECONDS);
        callee.register("bench.echo", InvocationHandler.sync(inv -> CallResult.of(inv.args(), inv.kwargs())))
                .get(5, TimeUnit.SECONDS);
        callee.register("bench.sink", InvocationHandler.sync(inv -> CallResult.of((long) ((byte[]) inv.args().get(0)).length)))
                .get(5, TimeUnit.SECONDS);

        for (Serializer s : List.of(Serializers.JSON, Serializers.MSGPACK)) { // JIT warm-up of router and clients
            run(url, s, 8, "bench.echo", List.of("x"), 0, 2);
            run(url, s, 1, "bench.echo", List.of("x"), 0, 1);
            run(url, s, 8, "bench.sink", List.of(BINARY), BINARY.length, 1);
        }

        if ("1".equals(System.getenv("WAMP_BENCH_QUICK"))) { // only our client, small msgpack calls: for profiling
            for (int callers : List.of(1, 8)) {
                row("wamp.2.msgpack small calls, " + callers + " callers",
                        run(url, Serializers.MSGPACK, callers, "bench.echo", List.of("x"), 0, seconds), null, false);
            }
            callee.close();
            System.exit(0);
        }
        String header = "%-34s %12s %9s %9s %10s %9s %9s | %12s %9s %9s %10s | %s%n";
        System.out.printf(header, "", "ours", "p50 us", "p99 us", "MB/s", "router", "clients", "autobahn-py", "p50 us",
                "p99 us", "MB/s", "ours/autobahn-py");
        System.out.printf(header, "", "calls/s", "", "", "", "cpu us", "cpu us", "calls/s", "", "", "", "");
        for (Serializer s : List.of(Serializers.JSON, Serializers.MSGPACK)) {
            for (int callers : List.of(1, 8)) {
                Stats ours = run(url, s, callers, "bench.echo", List.of("x"), 0, seconds);
                Stats py = python(python, url, s, "small", callers, seconds);
                row(s.subprotocol() + " small calls, " + callers + " caller" + (callers > 1 ? "s" : ""), ours, py, false);
            }
            Stats ours = run(url, s, 8, "bench.sink", List.of(BINARY), BINARY.length, seconds);
            Stats py = python(python, url, s, "binary", 8, seconds);
            row(s.subprotocol() + " 64 KiB binary, 8 callers", ours, py, true);
        }
        System.out.printf("%ncpu us: CPU time per call of the router process and of our client process (all callers and"
                + " the callee), user + system, measured beside the wall clock: it does not depend on other load%n");
        System.out.printf("latency floor: loopback TCP round trip p50 %.0f us%n", tcp.p50us());
        System.out.printf("load average after: %s%n", loadAverage());
        callee.close();
        System.exit(0);
    }

    static void row(String name, Stats ours, Stats py, boolean bytes) {
        String pyCols = py == null ? String.format("%12s %9s %9s %10s", "skipped", "", "", "")
                : String.format("%,12.0f %9.0f %9.0f %10s", py.perSecond(), py.p50us(), py.p99us(),
                bytes ? String.format("%.0f", py.mbPerSecond()) : "");
        String ratio = py == null || py.calls() == 0 ? "" : String.format("%.1fx", ours.perSecond() / py.perSecond());
        System.out.printf("%-34s %,12.0f %9.0f %9.0f %10s %9.1f %9.1f | %s | %s%n", name, ours.perSecond(), ours.p50us(),
                ours.p99us(), bytes ? String.format("%.0f", ours.mbPerSecond()) : "", ours.routerCpuUs(),
                ours.clientCpuUs(), pyCols, ratio);
    }

    static WampClient connect(URI url, Serializer s) throws Exception {
        WampClient c = WampClient.create(new WebSocketTransport(url, List.of(s)), "realm1");
        c.connect().get(5, TimeUnit.SECONDS);
        return c;
    }

    /** {@code callers} sessions, each with one call in flight, chained on the client's I/O thread. */
    static Stats run(URI url, Serializer s, int callers, String procedure, List<Object> callArgs, long bytesPerCall,
                     double seconds) throws Exception {
        List<WampClient> clients = new ArrayList<>();
        for (int i = 0; i < callers; i++) clients.add(connect(url, s));
        long[][] latencies = new long[callers][4_000_000 / callers];
        int[] counts = new int[callers];
        boolean[] flags = new boolean[2]; // measuring, stop (read on the I/O thread; good enough for a bench)
        CountDownLatch stopped = new CountDownLatch(callers);
        for (int i = 0; i < callers; i++) {
            int id = i;
            WampClient c = clients.get(i);
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (flags[1]) {
                    stopped.countDown();
                    return;
                }
                long t0 = System.nanoTime();
                c.call(procedure, Options.Call.DEFAULT, callArgs, Map.of()).result().whenComplete((r, e) -> {
                    if (e != null) {
                        e.printStackTrace();
                        flags[1] = true;
                    } else if (flags[0] && counts[id] < latencies[id].length) {
                        latencies[id][counts[id]++] = System.nanoTime() - t0;
                    }
                    next[0].run();
                });
            };
            next[0].run();
        }
        Thread.sleep(500);
        flags[0] = true;
        double routerCpu0 = cpuMicros(routerPid);
        double clientCpu0 = cpuMicros(ProcessHandle.current().pid());
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        flags[0] = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double routerCpu = cpuMicros(routerPid) - routerCpu0;
        double clientCpu = cpuMicros(ProcessHandle.current().pid()) - clientCpu0;
        flags[1] = true;
        stopped.await(10, TimeUnit.SECONDS);
        clients.forEach(WampClient::close);
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int k = 0;
        for (int i = 0; i < callers; i++) {
            System.arraycopy(latencies[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Stats st = stats(all, elapsed, bytesPerCall);
        return new Stats(st.calls(), st.seconds(), st.p50us(), st.p99us(), st.bytes(),
                st.calls() == 0 ? 0 : routerCpu / st.calls(), st.calls() == 0 ? 0 : clientCpu / st.calls());
    }

    static Stats stats(long[] nanos, double seconds, long bytesPerCall) {
        Arrays.sort(nanos);
        int n = nanos.length;
        return new Stats(n, seconds, n == 0 ? 0 : nanos[n / 2] / 1e3, n == 0 ? 0 : nanos[Math.min(n - 1, n * 99 / 100)] / 1e3,
                n * bytesPerCall);
    }

    static Stats python(Path script, URI url, Serializer s, String kind, int concurrency, double seconds) throws Exception {
        if (!Files.isRegularFile(Path.of("/usr/bin/python3"))) return null;
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), url.toString(),
                s.subprotocol().substring("wamp.2.".length()), kind, String.valueOf(concurrency), String.valueOf(seconds))
                .redirectErrorStream(true).start();
        String json = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("{\"calls\"")) json = line;
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        if (json == null) {
            System.out.println("autobahn-python bench failed:\n" + all);
            return null;
        }
        return new Stats((long) num(json, "calls"), num(json, "seconds"), num(json, "p50_us"), num(json, "p99_us"),
                (long) num(json, "bytes"));
    }

    static double num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([0-9.eE+-]+)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    static Stats tcpPingPong(double seconds) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    for (int b; (b = in.read()) >= 0; ) out.write(b);
                } catch (Exception ignored) {
                    // the bench closed the socket
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                long[] lat = new long[20_000_000];
                int n = 0;
                long end = System.nanoTime() + (long) (seconds * 1e9);
                long start = System.nanoTime();
                while (System.nanoTime() < end && n < lat.length) {
                    long t0 = System.nanoTime();
                    out.write(1);
                    in.read();
                    lat[n++] = System.nanoTime() - t0;
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                return stats(Arrays.copyOf(lat, n), elapsed, 0);
            } finally {
                echo.interrupt();
            }
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
