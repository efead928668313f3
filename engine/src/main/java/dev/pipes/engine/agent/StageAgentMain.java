package dev.pipes.engine.agent;

import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.Credentials;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.ReconnectPolicy;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.IoTransport;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * pipes' stage agent as a process of its own, as a container of a cluster runs it: joins the router
 * at $PIPES_ROUTER (realm $PIPES_REALM, default {@code pipes}; with $PIPES_TICKET, by ticket as
 * $PIPES_AUTHID) as stage instance $PIPES_STAGE, serves its input on an endpoint of its own
 * ({@link AgentEndpoint}: $PIPES_ENDPOINT_BIND, $PIPES_ENDPOINT_HOST) when the runtime speaks
 * protocol 2, registers the stage's procedures, calls {@code pipes.runtime.ready} announcing the
 * endpoint, and serves run calls until its session ends or it is terminated.
 * {@code StageAgentMain [EXECUTABLE]}: with an argument, runs that executable in place of
 * {@code argv[0]} of each run call (the path inside the container).
 */
public final class StageAgentMain {
    private StageAgentMain() {}

    public static void main(String[] args) {
        IoTransport.useProductionSettings();
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> env = System.getenv();
        String router = env.get(StreamProtocol.ENV_ROUTER);
        String stage = env.get(StreamProtocol.ENV_STAGE);
        String realm = env.getOrDefault(StreamProtocol.ENV_REALM, StreamProtocol.REALM);
        if (router == null || stage == null) {
            System.err.println("pipes-agent: " + StreamProtocol.ENV_ROUTER + " and " + StreamProtocol.ENV_STAGE
                    + " must be set (the runtime that starts the agent sets them)");
            return 2;
        }
        if (args.length > 1) {
            System.err.println("pipes-agent: usage: StageAgentMain [EXECUTABLE]");
            return 2;
        }
        String ticket = env.get(StreamProtocol.ENV_TICKET);
        String authid = env.getOrDefault(StreamProtocol.ENV_AUTHID, PipesRouter.AUTHID);
        Credentials credentials = ticket == null ? Credentials.ANONYMOUS : Credentials.ticket(authid, ticket);
        URI routerUri;
        WampClient client;
        AgentEndpoint endpoint;
        try {
            routerUri = URI.create(router);
            client = WampClient.create(new WebSocketTransport(routerUri, List.of(Serializers.MSGPACK, Serializers.JSON)),
                    realm, credentials, ReconnectPolicy.NEVER);
            endpoint = AgentEndpoint.fromEnvironment(env, routerUri, authid, ticket);
        } catch (IllegalArgumentException e) {
            System.err.println("pipes-agent: " + e.getMessage());
            return 2;
        }
        CompletableFuture<String> left = new CompletableFuture<>();
        client.onLeave(left::complete);
        try (Links links = new Links(credentials, client)) {
            client.connect().get(20, TimeUnit.SECONDS);
            WampClient endpointClient = endpoint == null ? null : endpoint.client();
            StageAgent agent = StageAgent.start(client, endpointClient, links, stage, args.length == 1 ? args[0] : null)
                    .get(20, TimeUnit.SECONDS);
            Map<String, Object> announce = endpoint == null ? Map.of()
                    : Map.of("protocol", StreamProtocol.VERSION, "endpoints", endpoint.urls());
            client.call(StreamProtocol.READY_URI, Options.Call.DEFAULT, List.of(stage), announce).result().get(20, TimeUnit.SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close();
                client.close();
                if (endpoint != null) endpoint.close();
            }));
            System.err.println("pipes-agent: stage " + stage + " ready at " + router
                    + (endpoint == null ? "" : ", its input served at " + String.join(" ", endpoint.urls())));
            String reason = left.get();
            System.err.println("pipes-agent: session ended: " + reason);
            return 0;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("pipes-agent: " + cause.getMessage());
            return 1;
        } finally {
            if (endpoint != null) endpoint.close();
        }
    }
}
