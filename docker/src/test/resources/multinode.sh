#!/usr/bin/env bash
# A Docker Swarm of several nodes on this one host, for the multi-node integration test: NODES
# dockerds (default 3), each in network, mount, UTS and PID namespaces of its own with its own
# data root, on a bridge in a namespace of their own ("the switch"), and Debian's registry on the
# switch serving the images the nodes pull. The host itself gets one veth into the switch (the
# shell under test runs here and reaches the nodes' published ports through it).
#
#   multinode.sh up|down        env: BASE (/tmp/pipes-mnode), NET (10.251.0), NODES (3),
#                               PREFIX (pmn: names of namespaces and links; keep it short),
#                               REGISTRY_BIN (the docker-registry binary)
# Two runs at once need their own BASE, NET and PREFIX.
#
# Root only. Kernel limits (checked on such hosts): no IPVS, so services use DNS round robin and
# ports are published on the node (mode=host); no ESP, so overlays are not encrypted.
set -euo pipefail
BASE=${BASE:-/tmp/pipes-mnode}
NET=${NET:-10.251.0}
NODES=${NODES:-3}
PREFIX=${PREFIX:-pmn}
SW=$PREFIX-sw

node_init() { # runs inside node N's namespaces: its own view of /sys, /run/docker, /run/containerd
  local n=$1 d=$BASE/n$1
  hostname "node$n"
  # copies of the host daemon's network namespace mounts would keep its sandboxes alive
  for m in $(findmnt -rn -t nsfs -o TARGET); do umount -l "$m" 2>/dev/null || true; done
  mkdir -p "$d/cg"
  mount --rbind /sys/fs/cgroup "$d/cg"
  umount -l /sys
  mount -t sysfs sysfs /sys # this namespace's network devices
  mount --move "$d/cg" /sys/fs/cgroup
  mkdir -p /run/docker /run/containerd
  mount -t tmpfs tmpfs /run/docker
  mount -t tmpfs tmpfs /run/containerd
  exec dockerd --config-file "$d/daemon.json"
}

up() {
  mkdir -p "$BASE/registry/data"
  ip netns add $SW
  ip -n $SW link set lo up
  ip -n $SW link add br0 type bridge
  ip -n $SW addr add "$NET.254/24" dev br0
  ip -n $SW link set br0 up
  ip link add $PREFIX-host type veth peer name vhost netns $SW
  ip -n $SW link set vhost master br0 up
  ip addr add "$NET.253/24" dev $PREFIX-host
  ip link set $PREFIX-host up
  cat >"$BASE/registry/config.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $BASE/registry/data
http:
  addr: $NET.254:5000
YML
  setsid ip netns exec $SW "$REGISTRY_BIN" serve "$BASE/registry/config.yml" >"$BASE/registry/log" 2>&1 </dev/null &
  echo $! >"$BASE/registry/pid"
  local i
  for i in $(seq "$NODES"); do
    local d=$BASE/n$i
    mkdir -p "$d/data" "$d/exec"
    ip netns add "$PREFIX$i"
    ip -n "$PREFIX$i" link set lo up
    ip -n $SW link add "v$PREFIX$i" type veth peer name eth0 netns "$PREFIX$i"
    ip -n $SW link set "v$PREFIX$i" master br0 up
    ip -n "$PREFIX$i" addr add "$NET.$i/24" dev eth0
    ip -n "$PREFIX$i" link set eth0 up
    cat >"$d/daemon.json" <<JSON
{ "data-root": "$d/data", "exec-root": "$d/exec", "pidfile": "$d/docker.pid",
  "hosts": ["unix://$d/docker.sock"], "cgroup-parent": "/$PREFIX$i",
  "deprecated-key-path": "$d/key.json", "insecure-registries": ["$NET.254:5000"] }
JSON
    # not `ip netns exec`: it remounts /sys and loses the cgroup hierarchies dockerd needs
    setsid nsenter --net="/run/netns/$PREFIX$i" -- unshare --mount --uts --pid --fork --mount-proc -- \
      docker-init -- bash "$0" node-init "$i" >>"$d/dockerd.log" 2>&1 </dev/null &
  done
  for i in $(seq "$NODES"); do
    local tries=0
    until DOCKER_HOST="unix://$BASE/n$i/docker.sock" docker info >/dev/null 2>&1; do
      tries=$((tries + 1))
      if [ $tries -gt 120 ]; then echo "node $i did not start:" >&2; tail -5 "$BASE/n$i/dockerd.log" >&2; exit 1; fi
      sleep 0.5
    done
  done
  echo "up: $NODES nodes, registry $NET.254:5000"
}

down() {
  local i
  for i in $(seq "$NODES"); do
    local pid
    pid=$(cat "$BASE/n$i/docker.pid" 2>/dev/null || true)
    # the node's dockerd, found by its own config file (its pidfile holds a PID of its namespace)
    for pid in $(pgrep -f "^dockerd --config-file $BASE/n$i/daemon.json\$" || true); do kill -9 "$pid" 2>/dev/null || true; done
  done
  [ -f "$BASE/registry/pid" ] && kill "$(cat "$BASE/registry/pid")" 2>/dev/null || true
  sleep 1
  for i in $(seq "$NODES"); do
    ip netns del "$PREFIX$i" 2>/dev/null || true
    for c in /sys/fs/cgroup/*/$PREFIX$i; do [ -d "$c" ] && find "$c" -depth -type d -exec rmdir {} \; 2>/dev/null || true; done
  done
  ip link del $PREFIX-host 2>/dev/null || true
  ip netns del $SW 2>/dev/null || true
  # container mounts of the nodes' data roots are gone with their mount namespaces
  rm -rf "$BASE" 2>/dev/null || true
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  node-init) node_init "$2" ;;
  *) echo "usage: multinode.sh up|down" >&2; exit 2 ;;
esac
