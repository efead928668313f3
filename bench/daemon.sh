#!/usr/bin/env bash
# Benchmark (not a test): a pipeline used as a micro-service. Deploys a three-service workflow
# (`up a-z A-Z | rv | sq -s ' '`: tr, rev and tr as wrapped services) with `pipes run -d` in a
# fresh $PIPES_HOME, then measures, in the same run:
#   - the pipes daemon: warm query latency p50/p99 (one query at a time, POST /?wait=1 with the
#     query as the body, after a warm-up), and queries/s with CONCURRENCY clients at once;
#   - the same three commands run by a fresh `bash -c 'tr a-z A-Z | rev | tr -s " "'` per query,
#     the same figures, from the same client program.
# Goal (issue 12, embedded runtime): p50 under 5 ms, p99 under 20 ms. Every answer is checked.
#
#   bench/daemon.sh [QUERIES] [CONCURRENCY] [SECONDS]     defaults: 500 32 5
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"
pick_jdk
queries=${1:-500}
concurrency=${2:-32}
seconds=${3:-5}
pipesh="$PIPES_ROOT/bin/pipesh"

work=$(mktemp -d)
export PIPES_HOME="$work/home"
cleanup() {
  "$pipesh" -c "pipes rm bench" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$pipesh" -c true >/dev/null # builds pipesh when needed, outside the measurements

deployed=$("$pipesh" -c "build up /usr/bin/tr; build rv /usr/bin/rev; build sq /usr/bin/tr
  pipes run -d --name bench --concurrency $concurrency --format json \"up a-z A-Z | rv | sq -s ' '\"" | grep '^{')
field() { printf '%s' "$deployed" | sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }
api=$(field api)
token=$(field token)
[ -n "$api" ] && [ -n "$token" ] || { echo "bench/daemon: no API address or token in: $deployed" >&2; exit 1; }

# the daemon's pid, for its CPU time per query (the figure the machine's load does not change)
daemon_pid=$(sed -n 's/.*"pid" *: *\([0-9]*\).*/\1/p' "$PIPES_HOME/daemon/daemon.json")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (before)"
echo "workflow: up a-z A-Z | rv | sq -s ' '   at $api   queries: $queries sequential, then $concurrency clients for $seconds s"
"$JAVA" -XX:+UseSerialGC "$PIPES_ROOT/bench/daemon/DaemonBench.java" "$api" "$token" \
  "tr a-z A-Z | rev | tr -s ' '" "$queries" "$concurrency" "$seconds" "$daemon_pid"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (after)"
