#!/usr/bin/env bash
# Benchmark (not a test): a three-service pipeline in cluster mode on this machine's Docker
# engine (a one-node Swarm that `pipes init` sets up and `pipes leave` removes), against
# `docker run` of the same image, measured in the same run.
#
#   bench/cluster.sh [RUNS]
#   bench/cluster.sh multinode [SIZE_MIB]   (root; see below)
#
# Prints, each the best of RUNS (default 3), with the load average at the time:
#   cold:  `echo x | a | b | c | head -c 1`, the first byte back at the shell, when the three
#          services have no agent up (each pipeline of this kind pays Swarm's scheduling and the
#          agents' JVM start). Goal: under 1.5 s.
#   warm:  the same right after, the agents kept up between pipelines. Goal: under 0.15 s.
#   docker run: `echo x | docker run -i --rm IMAGE` with the same image's cat, to its first byte.
# Times are taken inside one pipesh (its own start-up is not counted). Needs root or a user of
# the docker group, and Debian's etcd-server.
#
# multinode: three Docker engines in namespaces of their own on this host (the multi-node test's
# docker/src/test/resources/multinode.sh, Debian's registry from .tools/), one cluster over them,
# and SIZE_MIB (default 1024) of zeros through three `cat` services, their placement printed;
# beside it a plain TCP copy (socat) between two of the nodes' namespaces. Goal: at least half.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pipesh="$root/bin/pipesh"

# (globals: the EXIT trap needs them after multinode returned)
net=10.252.0
base=/tmp/pipes-bench-mnode
script="$root/docker/src/test/resources/multinode.sh"
multinode() {
  local size_mib=${1:-1024}
  local registry="$root/.tools/docker-registry/usr/bin/docker-registry"
  [ "$(id -u)" = 0 ] || { echo "cluster.sh multinode: needs root" >&2; exit 1; }
  [ -x "$registry" ] || { echo "cluster.sh multinode: no $registry (bin/lib/prerequisites.sh fetches it)" >&2; exit 1; }
  command -v socat >/dev/null || { echo "cluster.sh multinode: needs socat (the baseline)" >&2; exit 1; }
  work=$(mktemp -d)
  export PIPES_HOME="$work/home"
  # shellcheck disable=SC2317
  down() {
    "$pipesh" -c 'pipes leave' >/dev/null 2>&1 || true
    BASE=$base NET=$net PREFIX=pbn bash "$script" down >/dev/null 2>&1 || true
    rm -rf "$work"
  }
  trap down EXIT
  "$pipesh" -c true >/dev/null
  touch "$root/shell/target/pipesh.jar"
  BASE=$base NET=$net PREFIX=pbn REGISTRY_BIN=$registry bash "$script" up >/dev/null
  local s="unix://$base/n1/docker.sock,unix://$base/n2/docker.sock,unix://$base/n3/docker.sock"
  "$pipesh" -c "pipes init --name bmn --advertise $net.1 --registry $net.254:5000 --servers $s" >/dev/null 2>"$work/init.log" ||
    { cat "$work/init.log" >&2; exit 1; }
  "$pipesh" -c 'build a /bin/cat && build b /bin/cat && build c /bin/cat' >/dev/null 2>&1
  local bytes=$((size_mib * 1024 * 1024))
  # one pipesh: a first small pipeline starts the agents, the second is measured
  "$pipesh" -c "echo warm | a | b | c >/dev/null
    t0=\$(date +%s%N); head -c $bytes /dev/zero | a | b | c | wc -c; t1=\$(date +%s%N); echo \"time \$t0 \$t1\"
    docker -H unix://$base/n1/docker.sock service ps --filter desired-state=running --format '{{.Name}} {{.Node}}' pipes-bmn-s-a pipes-bmn-s-b pipes-bmn-s-c" \
    >"$work/run" 2>&1
  local t0 t1
  read -r _ t0 t1 < <(grep '^time' "$work/run")
  local pipes_ms=$(( (t1 - t0) / 1000000 ))
  ip netns exec pbn3 socat -u TCP-LISTEN:9999,reuseaddr - >/dev/null &
  local listener=$!
  sleep 0.5
  t0=$(date +%s%N)
  head -c "$bytes" /dev/zero | ip netns exec pbn2 socat -u - "TCP:$net.3:9999"
  t1=$(date +%s%N)
  wait "$listener" 2>/dev/null || true
  local tcp_ms=$(( (t1 - t0) / 1000000 ))
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  printf 'cluster on three nodes, %d MiB through three cat services (load %s)\n' "$size_mib" "$load"
  grep '^pipes-bmn' "$work/run" | sed 's/^/  placed: /'
  printf '  pipes   %6d ms  %7.1f MiB/s\n' "$pipes_ms" "$(echo "$size_mib * 1000 / $pipes_ms" | bc -l)"
  printf '  socat   %6d ms  %7.1f MiB/s  (node2 -> node3, plain TCP)\n' "$tcp_ms" "$(echo "$size_mib * 1000 / $tcp_ms" | bc -l)"
  printf '  ratio   %.2f   goal >= 0.5\n' "$(echo "$tcp_ms / $pipes_ms" | bc -l)"
}

if [ "${1:-}" = multinode ]; then
  multinode "${2:-1024}"
  exit 0
fi
runs=${1:-3}
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
