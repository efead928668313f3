package dev.pipes.engine.service;

import dev.pipes.engine.runtime.LocalProcessRuntime;
import dev.pipes.engine.runtime.Runtime;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.wamp.client.WampClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded mode's plane, all of it in pipesh and started on the first pipeline with a service:
 * the central router (control) and the shell's endpoint (the data of the joints that end in this
 * process: the shell's own readers and the inputs of the agents that run in pipesh), two routers
 * with one ticket, reached in memory from this process; each serves a loopback socket only once a
 * process of this host needs it (a native stage, or {@code PIPES_AGENT_LINK=websocket}).
 */
final class EmbeddedPlane implements ServicePlane {
    private final LocalProcessRuntime.Link link;
    private PipesRouter control;
    private PipesRouter endpoint;
    private WampClient shell;
    private WampClient shellEndpoint;
    private Links links;
    private LocalProcessRuntime runtime;

    EmbeddedPlane(LocalProcessRuntime.Link link) {
        this.link = link;
    }

    private synchronized void start() {
        if (control != null) return;
        control = PipesRouter.start();
        endpoint = PipesRouter.start(PipesRouter.AUTHID, control.ticket());
        shell = joined(control.client(control.inMemoryTransport()));
        shellEndpoint = joined(endpoint.client(endpoint.inMemoryTransport()));
        links = new Links(control.credentials(), shell);
        if (link == LocalProcessRuntime.Link.WEBSOCKET) serveProcesses();
        runtime = new LocalProcessRuntime(new LocalProcessRuntime.Host(control, endpoint, shellEndpoint, links), link);
    }

    private static WampClient joined(WampClient client) {
        try {
            client.connect().get(10, TimeUnit.SECONDS);
            return client;
        } catch (Exception e) {
            throw new IllegalStateException("cannot join the embedded router: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized WampClient shellClient() {
        start();
        return shell;
    }

    @Override
    public synchronized WampClient shellEndpointClient() {
        start();
        return shellEndpoint;
    }

    @Override
    public synchronized List<String> shellUrls() {
        start();
        return endpoint.urls();
    }

    @Override
    public synchronized Links links() {
        start();
        return links;
    }

    @Override
    public boolean socketsOnly() {
        return link == LocalProcessRuntime.Link.WEBSOCKET;
    }

    @Override
    public synchronized Runtime runtime() {
        start();
        return runtime;
    }

    @Override
    public synchronized void serveProcesses() {
        start();
        control.uri();
        endpoint.uri();
    }

    /** The central router, for tests that look at what it carried. */
    synchronized PipesRouter controlRouter() {
        start();
        return control;
    }

    @Override
    public synchronized void close() {
        if (control == null) return;
        runtime.close();
        links.close();
        shell.leave();
        shellEndpoint.leave();
        endpoint.close();
        control.close();
        control = null;
    }
}
