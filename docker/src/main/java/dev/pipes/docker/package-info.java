/** Cluster runtime on Docker Swarm and configuration in etcd. */
package dev.pipes.docker;
