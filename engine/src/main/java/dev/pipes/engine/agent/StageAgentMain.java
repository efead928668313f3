package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.Credentials;
import dev.pipes.wamp.client.ReconnectPolicy;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.IoTransport;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * pipes' stage agent as a process of its own, as a container of a cluster runs it: joins the router
 * at $PIPES_ROUTER (realm $PIPES_REALM, default {@code pipes}; with $PIPES_TICKET, by ticket as
 * $PIPES_AUTHID) as stage instance $PIPES_STAGE,
 * registers the stage's procedures, calls {@code pipes.runtime.ready} and serves run calls until its
 * session ends or it is terminated. {@code StageAgentMain [EXECUTABLE]}: with an argument, runs that
 * executable in place of {@code argv[0]} of each run call (the path inside the container).
 */
public final class StageAgentMain {
    private StageAgentMain() {}

    public static void main(String[] args) {
        IoTransport.useProductionSettings();
        System.exit(run(args));
    }

    static int run(String[] args) {
        String router = System.getenv(StreamProtocol.ENV_ROUTER);
        String stage = System.getenv(StreamProtocol.ENV_STAGE);
        String realm = System.getenv().getOrDefault(StreamProtocol.ENV_REALM, StreamProtocol.REALM);
        if (router == null || stage == null) {
            System.err.println("pipes-agent: " + StreamProtocol.ENV_ROUTER + " and " + StreamProtocol.ENV_STAGE
                    + " must be set (the runtime that starts the agent sets them)");
            return 2;
        }
        if (args.length > 1) {
            System.err.println("pipes-agent: usage: StageAgentMain [EXECUTABLE]");
            return 2;
        }
        WampClient client;
        try {
            String ticket = System.getenv(StreamProtocol.ENV_TICKET);
            Credentials credentials = ticket == null ? Credentials.ANONYMOUS
                    : Credentials.ticket(System.getenv().getOrDefault(StreamProtocol.ENV_AUTHID, "pipes"), ticket);
            client = WampClient.create(new WebSocketTransport(URI.create(router), List.of(Serializers.MSGPACK, Serializers.JSON)),
                    realm, credentials, ReconnectPolicy.NEVER);
        } catch (IllegalArgumentException e) {
            System.err.println("pipes-agent: " + StreamProtocol.ENV_ROUTER + ": " + e.getMessage());
            return 2;
        }
        CompletableFuture<String> left = new CompletableFuture<>();
        client.onLeave(left::complete);
        try {
            client.connect().get(20, TimeUnit.SECONDS);
            StageAgent agent = StageAgent.start(client, stage, args.length == 1 ? args[0] : null).get(20, TimeUnit.SECONDS);
            client.call(StreamProtocol.READY_URI, stage).get(20, TimeUnit.SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close();
                client.close();
            }));
            System.err.println("pipes-agent: stage " + stage + " ready at " + router);
            String reason = left.get();
            System.err.println("pipes-agent: session ended: " + reason);
            return 0;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("pipes-agent: " + cause.getMessage());
            return 1;
        }
    }
}
