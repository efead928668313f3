/**
 * Daemon mode: a pipeline deployed as a long-lived workflow that a detached daemon process hosts
 * (one per $PIPES_HOME), each with an HTTP API that runs one job per query. The workflow, its jobs
 * and their results are kept in the configuration store, so a restarted daemon still answers.
 * {@code http} holds the Netty side, {@code cli} the {@code pipes} verbs that talk to the daemon.
 */
package dev.pipes.engine.daemon;
