package dev.pipes.engine.service;

import dev.pipes.engine.runtime.Runtime;
import dev.pipes.engine.stream.Links;
import dev.pipes.wamp.client.WampClient;
import java.util.List;

/**
 * The shell's side of the network its service pipelines use (docs/protocol.md): its client of the
 * central router (control: {@code run} calls, and readers that have no endpoint), its own
 * endpoint (where the streams that come back to the shell are served) with a client to register
 * them, its writers' connections to the readers' endpoints, and the runtime that hands out agents.
 * The embedded plane keeps all of it in pipesh; a cluster's plane reaches a router in the cluster
 * and serves the shell's endpoint on an address the cluster's nodes can reach.
 */
public interface ServicePlane extends AutoCloseable {
    /** The shell's joined client of the central router. */
    WampClient shellClient();

    /** A joined client of the shell's own endpoint, where the shell registers the streams it reads. */
    WampClient shellEndpointClient();

    /** Where the shell's endpoint is served, in order of preference (a memory URL for writers in this process). */
    List<String> shellUrls();

    /** The shell's writers. */
    Links links();

    /** Whether writers in this process use sockets even to this process (as agents of a cluster would). */
    boolean socketsOnly();

    /** Where agents come from. */
    Runtime runtime();

    /** Makes the shell's endpoint reachable by processes of this host or cluster (a socket), once. */
    void serveProcesses();

    @Override
    void close();
}
