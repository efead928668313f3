/** The interpreter: expansion, planning, execution; runtimes; stream protocol; configuration store. */
package dev.pipes.engine;
