package dev.pipes.engine.agent;

import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.WampClient;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The endpoint of an agent that is a process of its own (docs/protocol.md, Which address an agent
 * binds and which it announces): a router of its own on {@code $PIPES_ENDPOINT_BIND} (default:
 * loopback when the central router is on loopback, else every address), announced with
 * {@code $PIPES_ENDPOINT_HOST} (default: the bind host, or for a wildcard bind the local address
 * this host reaches the central router from: in a container on an overlay network, its overlay
 * address).
 */
final class AgentEndpoint implements AutoCloseable {
    private final PipesRouter router;
    private final URI announced;
    private WampClient client;

    private AgentEndpoint(PipesRouter router, URI announced) {
        this.router = router;
        this.announced = announced;
    }

    /** The endpoint the environment asks for, or null when the runtime speaks protocol 1 or $PIPES_ENDPOINT is {@code none}. */
    static AgentEndpoint fromEnvironment(Map<String, String> env, URI routerUri, String authid, String ticket) {
        int protocol = parseInt(env.getOrDefault(StreamProtocol.ENV_PROTOCOL, "1"), StreamProtocol.ENV_PROTOCOL);
        if (protocol < 2 || "none".equals(env.get(StreamProtocol.ENV_ENDPOINT)) || ticket == null) return null;
        String bind = env.get(StreamProtocol.ENV_ENDPOINT_BIND);
        String bindHost = defaultBindHost(routerUri);
        int port = 0;
        if (bind != null && !bind.isBlank()) {
            int colon = bind.lastIndexOf(':');
            boolean hasPort = colon > 0 && bind.indexOf(':') == colon || bind.startsWith("[") && bind.contains("]:");
            bindHost = hasPort ? bind.substring(0, colon) : bind;
            if (hasPort) port = parseInt(bind.substring(colon + 1), StreamProtocol.ENV_ENDPOINT_BIND);
            bindHost = bindHost.replace("[", "").replace("]", "");
        }
        String host = env.get(StreamProtocol.ENV_ENDPOINT_HOST);
        if (host == null || host.isBlank()) host = isWildcard(bindHost) ? routeTo(routerUri) : bindHost;
        PipesRouter router = PipesRouter.start(authid, ticket);
        try {
            return new AgentEndpoint(router, router.listen(bindHost, port, host));
        } catch (RuntimeException e) {
            router.close();
            throw new IllegalArgumentException(StreamProtocol.ENV_ENDPOINT_BIND + ": " + e.getMessage(), e);
        }
    }

    private static String defaultBindHost(URI routerUri) {
        try {
            InetAddress address = InetAddress.getByName(routerUri.getHost());
            return address.isLoopbackAddress() ? "127.0.0.1" : "0.0.0.0";
        } catch (UnknownHostException | RuntimeException e) {
            return "0.0.0.0";
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    /** The local address of the route to the central router (a UDP "connect" sends nothing). */
    private static String routeTo(URI routerUri) {
        int port = routerUri.getPort() > 0 ? routerUri.getPort() : 80;
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(routerUri.getHost(), port));
            InetAddress local = probe.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) return local.getHostAddress();
        } catch (IOException | RuntimeException e) {
            // no route known: fall back to the host's name
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static int parseInt(String text, String variable) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + ": not a number: " + text);
        }
    }

    /** The URLs to announce. */
    List<String> urls() {
        return List.of(announced.toString());
    }

    /** The client the agent registers its input with (in memory: the endpoint is in this process). */
    synchronized WampClient client() throws Exception {
        if (client == null) {
            client = router.client(router.inMemoryTransport());
            client.connect().get(10, TimeUnit.SECONDS);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) client.leave();
        router.close();
    }
}
