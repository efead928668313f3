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

    /** Where service {@code name} runs and from what (see {@link ServiceRuntime#deployment}). */
    default java.util.Optional<String> deployment(String name) {
        return java.util.Optional.empty();
    }

    /** What the prompt and {@code explain} call the mode: {@code embedded}, or {@code cluster NAME}. */
    default String mode() {
        return "embedded";
    }

    /** Where a service's stages run, as {@code explain} ends its line about one. */
    default String placement() {
        return "embedded runtime";
    }

    /**
     * Whether the shell can reach the agents' endpoints as a writer; if not, the shell writes
     * through the central router. A cluster's agents serve on overlay addresses that the shell's
     * host does not reach.
     */
    default boolean shellReachesAgents() {
        return true;
    }

    /** The endpoints among {@code endpoints} (of an agent) that the shell can write to. */
    default List<String> reachableFromShell(List<String> endpoints) {
        return shellReachesAgents() ? endpoints : List.of();
    }

    /**
     * Whether stages see the shell's file system and environment (a run gets the shell's working
     * directory and exported variables); in containers they do not, and run in the image's own.
     */
    default boolean sharesFilesystem() {
        return true;
    }

    /**
     * Makes what a service needs to run besides its registry entry, before {@code build} registers
     * it (a cluster builds its image); {@code options} are build's options beyond the registry's
     * ({@code --base}, {@code --dockerfile}, {@code --registry}); {@code progress} prints a line.
     */
    default void prepare(ServiceSpec spec, java.util.Map<String, String> options, java.util.function.Consumer<String> progress) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(options.keySet().iterator().next() + ": only in cluster mode (see pipes init)");
        }
    }

    @Override
    void close();
}
