#!/usr/bin/env bash
# Benchmark (not a test): a three-service pipeline in cluster mode on this machine's Docker
# engine (a one-node Swarm that `pipes init` sets up and `pipes leave` removes), against
# `docker run` of the same image, measured in the same run.
#
#   bench/cluster.sh [RUNS]
#
# Prints, each the best of RUNS (default 3), with the load average at the time:
#   cold:  `echo x | a | b | c | head -c 1`, the first byte back at the shell, when the three
#          services have no agent up (each pipeline of this kind pays Swarm's scheduling and the
#          agents' JVM start). Goal: under 1.5 s.
#   warm:  the same right after, the agents kept up between pipelines. Goal: under 0.15 s.
#   docker run: `echo x | docker run -i --rm IMAGE` with the same image's cat, to its first byte.
# Times are taken inside one pipesh (its own start-up is not counted). Needs root or a user of
# the docker group, and Debian's etcd-server.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
pipesh="$root/bin/pipesh"
command -v docker >/dev/null && docker info >/dev/null 2>&1 || { echo "cluster.sh: no Docker engine answers" >&2; exit 1; }

work=$(mktemp -d)
export PIPES_HOME="$work/home"
cleanup() { "$pipesh" -c 'pipes leave' >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$pipesh" -c true >/dev/null   # builds pipesh when needed, outside the measurements
touch "$root/shell/target/pipesh.jar"
name="bench$$"
"$pipesh" -c "pipes init --name $name" >/dev/null 2>"$work/init.log" || { cat "$work/init.log" >&2; exit 1; }
"$pipesh" -c 'build a /bin/cat && build b /bin/cat && build c /bin/cat' >/dev/null 2>"$work/build.log" ||
  { cat "$work/build.log" >&2; exit 1; }

ms() { echo $(( ($2 - $1) / 1000000 )); }
best() { sort -n | head -n 1; }

# One pipesh per run: the first pipeline is cold (this shell starts the services), the second warm;
# the shell removes its services when it exits, so the next run is cold again.
: >"$work/cold"; : >"$work/warm"
for _ in $(seq "$runs"); do
  "$pipesh" -c '
    t0=$(date +%s%N); echo x | a | b | c | head -c 1 >/dev/null; t1=$(date +%s%N)
    echo x | a | b | c | head -c 1 >/dev/null; t2=$(date +%s%N)
    echo "$t0 $t1 $t2"' >"$work/times"
  read -r t0 t1 t2 <"$work/times"
  ms "$t0" "$t1" >>"$work/cold"
  ms "$t1" "$t2" >>"$work/warm"
done
image="pipes-$name-a:latest"
: >"$work/docker"
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  echo x | docker run -i --rm --entrypoint /bin/cat "$image" | head -c 1 >/dev/null
  t1=$(date +%s%N)
  ms "$t0" "$t1" >>"$work/docker"
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'cluster, time to first byte of a three-service pipeline (best of %d; load %s)\n' "$runs" "$load"
printf '  cold (agents started by Swarm)   %6d ms   goal < 1500 ms\n' "$(best <"$work/cold")"
printf '  warm (agents kept up)            %6d ms   goal <  150 ms\n' "$(best <"$work/warm")"
printf '  docker run -i --rm, same image   %6d ms   (one container, for scale)\n' "$(best <"$work/docker")"
