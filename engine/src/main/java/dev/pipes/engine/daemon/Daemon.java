package dev.pipes.engine.daemon;

import dev.pipes.engine.daemon.http.ApiRequest;
import dev.pipes.engine.daemon.http.ApiResponse;
import dev.pipes.engine.daemon.http.ControlApi;
import dev.pipes.engine.daemon.http.HttpServer;
import dev.pipes.engine.daemon.http.WorkflowApi;
import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.wamp.transport.netty.IoTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The pipes daemon of one $PIPES_HOME: hosts its workflows (each with its API on a port of its
 * own) and answers pipes' verbs on a control port that listens on the loopback interface only and
 * needs the admin key. One per home: it holds {@code daemon/lock} while it runs. At start it
 * brings back every workflow the store records.
 */
public final class Daemon implements AutoCloseable {
    private static final long SWEEP_SECONDS = 30;

    /** A workflow the daemon knows: running (with its API), or recorded but not startable (and why). */
    public record Hosted(WorkflowSpec spec, Workflow workflow, HttpServer server, String failure) {
        public boolean running() {
            return workflow != null && server != null;
        }

        /** {@code http://HOST:PORT/}, for a client on this machine. */
        public String api() {
            return Daemon.url(spec.bind(), server != null ? server.port() : spec.port());
        }
    }

    private final DaemonHome home;
    private final DaemonStore store;
    private final ServiceRuntime services;
    private final Clock clock;
    private final Consumer<String> log;
    private final boolean exitWhenIdle;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, IoTransport.handlerFactory());
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pipes-daemon-sweep").factory());
    private final Map<String, Hosted> byId = new LinkedHashMap<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final String adminKey;
    private FileChannel lockChannel;
    private FileLock lock;
    private HttpServer control;

    private Daemon(DaemonHome home, DaemonStore store, ServiceRuntime services, Clock clock, Consumer<String> log,
                   boolean exitWhenIdle) {
        this.home = home;
        this.store = store;
        this.services = services;
        this.clock = clock;
        this.log = log;
        this.exitWhenIdle = exitWhenIdle;
        this.adminKey = home.adminKey();
    }

    /**
     * Starts the daemon of {@code home}: takes its lock (failing when another daemon holds it),
     * opens the control port, brings back the recorded workflows and writes {@code daemon.json}.
     * With {@code exitWhenIdle} it stops once its last workflow is removed.
     */
    public static Daemon start(DaemonHome home, DaemonStore store, ServiceRuntime services, Consumer<String> log,
                               boolean exitWhenIdle) throws IOException {
        Daemon daemon = new Daemon(home, store, services, Clock.systemUTC(), log, exitWhenIdle);
        try {
            daemon.lock();
            daemon.control = HttpServer.bind(daemon.group, "127.0.0.1", 0, 64 << 20, daemon::control, daemon.work);
            for (WorkflowSpec spec : store.workflows(log)) daemon.bringUp(spec);
            daemon.sweeper.scheduleWithFixedDelay(daemon::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
            home.writeState(new DaemonHome.State(ProcessHandle.current().pid(), "127.0.0.1", daemon.control.port(),
                    Instant.now().toString()));
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e;
        }
        log.accept("pipes daemon " + ProcessHandle.current().pid() + " serving " + home.home() + ", control port "
                + daemon.control.port() + ", " + daemon.byId.size() + " workflow(s)");
        return daemon;
    }

    private void lock() throws IOException {
        home.ensureDirectory();
        lockChannel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String pid = home.state().map(s -> " (pid " + s.pid() + ")").orElse("");
            throw new IOException("a pipes daemon already runs for " + home.home() + pid);
        }
    }

    public int controlPort() {
        return control.port();
    }

    public String adminKey() {
        return adminKey;
    }

    /** Completes when the daemon stopped (a {@code pipes daemon stop}, or its last workflow removed). */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    /** Deploys a new workflow; its token (shown once) is in the answer. */
    public synchronized Deployed deploy(DeployRequest request) throws IOException {
        String id = Ids.workflow();
        String name = request.name().isEmpty() ? defaultName(request.pipeline(), id) : request.name();
        for (Hosted hosted : byId.values()) {
            if (hosted.spec().name().equals(name) || hosted.spec().id().equals(name)) {
                throw new IllegalArgumentException("a workflow named " + name + " exists already (pipes rm " + name + " removes it)");
            }
        }
        PipelineShape shape = PipelineShape.parse(request.pipeline(), "pipeline");
        List<String> missing = CommandCheck.missing(shape, request.environment(), request.cwd(), services);
        if (!missing.isEmpty()) throw new IllegalArgumentException(String.join("\n", missing));
        String token = request.token() ? Tokens.generate() : null;
        WorkflowSpec spec = new WorkflowSpec(id, name, request.pipeline(), request.bind(), request.port(), request.port() != 0,
                request.limits(), token == null ? "" : Tokens.hash(token), request.cwd(), request.environment(), clock.instant());
        Workflow workflow = new Workflow(spec, shape, store, home, services, clock, log);
        HttpServer server = HttpServer.bind(group, spec.bind(), spec.port(), bodyLimit(spec), apiOf(workflow), work);
        spec = spec.withPort(server.port());
        workflow.updateSpec(spec);
        try {
            store.put(spec);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        workflow.start();
        Hosted hosted = new Hosted(spec, workflow, server, null);
        byId.put(id, hosted);
        log.accept("deployed workflow " + name + " (" + id + ") on " + hosted.api() + ": " + spec.pipeline());
        return new Deployed(id, name, hosted.api(), spec.bind() + ":" + server.port(), token);
    }

    /** What {@code run -d} prints. {@code token} is null for a workflow deployed without one. */
    public record Deployed(String id, String name, String api, String address, String token) {}

    /** Stops and forgets the workflow with this id or name; false when there is none. */
    public boolean remove(String ref) {
        Hosted hosted;
        boolean idle;
        synchronized (this) {
            hosted = find(ref).orElse(null);
            if (hosted == null) return false;
            byId.remove(hosted.spec().id());
            idle = byId.isEmpty();
        }
        if (hosted.server() != null) hosted.server().close();
        if (hosted.workflow() != null) hosted.workflow().remove();
        else store.remove(hosted.spec().id());
        log.accept("removed workflow " + hosted.spec().name() + " (" + hosted.spec().id() + ")");
        if (idle && exitWhenIdle) {
            log.accept("no workflow left: stopping");
            CompletableFuture.runAsync(this::close);
        }
        return true;
    }

    public synchronized Optional<Hosted> find(String ref) {
        Hosted byIdMatch = byId.get(ref);
        if (byIdMatch != null) return Optional.of(byIdMatch);
        return byId.values().stream().filter(h -> h.spec().name().equals(ref)).findFirst();
    }

    public synchronized List<Hosted> workflows() {
        List<Hosted> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(h -> h.spec().created() == null ? Instant.EPOCH : h.spec().created()));
        return out;
    }

    /** Brings back a recorded workflow: parse, listen (on the same port), take over its jobs. */
    private void bringUp(WorkflowSpec spec) {
        Workflow workflow = null;
        try {
            PipelineShape shape = PipelineShape.parse(spec.pipeline(), spec.name());
            workflow = new Workflow(spec, shape, store, home, services, clock, log);
            HttpServer server;
            try {
                server = HttpServer.bind(group, spec.bind(), spec.port(), bodyLimit(spec), apiOf(workflow), work);
            } catch (IOException e) {
                if (spec.fixedPort()) throw e;
                server = HttpServer.bind(group, spec.bind(), 0, bodyLimit(spec), apiOf(workflow), work);
                log.accept("workflow " + spec.name() + ": port " + spec.port() + " is taken; now on " + server.port());
                spec = spec.withPort(server.port());
                workflow.updateSpec(spec);
                store.put(spec);
            }
            workflow.start();
            byId.put(spec.id(), new Hosted(spec, workflow, server, null));
            log.accept("workflow " + spec.name() + " (" + spec.id() + ") back on " + url(spec.bind(), server.port()));
        } catch (IOException | RuntimeException e) {
            if (workflow != null) workflow.stop("the workflow could not start");
            byId.put(spec.id(), new Hosted(spec, null, null, e.getMessage()));
            log.accept("workflow " + spec.name() + " (" + spec.id() + ") cannot start: " + e.getMessage());
        }
    }

    private java.util.function.Function<ApiRequest, ApiResponse> apiOf(Workflow workflow) {
        WorkflowApi api = new WorkflowApi(workflow);
        return request -> api.handle(request, false, "");
    }

    private ApiResponse control(ApiRequest request) {
        return new ControlApi(this).handle(request);
    }

    /** The body limit of a workflow's API: room for its largest query in a form (up to 3 bytes per byte) or JSON. */
    private static int bodyLimit(WorkflowSpec spec) {
        long limit = spec.limits().maxQueryBytes() * 3 + 64 * 1024;
        return (int) Math.min(Integer.MAX_VALUE - 1, limit);
    }

    private void sweep() {
        for (Hosted hosted : workflows()) {
            try {
                if (hosted.workflow() != null) hosted.workflow().sweep();
            } catch (RuntimeException e) {
                log.accept("cannot sweep " + hosted.spec().name() + ": " + e.getMessage());
            }
        }
    }

    /** The first command's name and a few characters of the id: {@code upper-k3f9}. */
    private String defaultName(String pipeline, String id) {
        String first = pipeline.strip().split("[\\s|;&<>()]+", 2)[0].replaceAll("[^A-Za-z0-9_.-]", "");
        if (first.isEmpty() || !Character.isLetterOrDigit(first.charAt(0))) first = "workflow";
        if (first.length() > 40) first = first.substring(0, 40);
        return first + "-" + id.substring(1, 5);
    }

    static String url(String bind, int port) {
        String host = switch (bind) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
        return "http://" + host + ":" + port + "/";
    }

    /** Stops every workflow (their running jobs are failed as "the daemon stopped"), the ports and the lock. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped.isDone()) return;
            for (Hosted hosted : byId.values()) {
                if (hosted.server() != null) hosted.server().close();
            }
        }
        for (Hosted hosted : workflows()) {
            if (hosted.workflow() != null) hosted.workflow().close();
        }
        // gracefully: the request that stopped an idle daemon (the last pipes rm) still gets its answer
        if (control != null) control.closeGracefully(java.time.Duration.ofSeconds(2));
        sweeper.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        work.shutdownNow();
        home.clearState(ProcessHandle.current().pid());
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        stopped.complete(null);
    }
}
