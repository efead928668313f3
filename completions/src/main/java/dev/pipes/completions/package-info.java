/** Completion specs as data and their loader; completion scripts for the pipesh command. */
package dev.pipes.completions;
