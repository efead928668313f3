# What the integration tests need beyond a JDK and Maven, installed and started when we are root.
# Sourced by bin/test-all. Each need is one function; prepare_prerequisites calls those in use.

is_root() { [ "$(id -u)" = 0 ]; }

apt_updated=false
apt_install() {
  is_root || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  if ! $apt_updated; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The WAMP interop tests (wamp/*IT): autobahn-python from Debian, run with /usr/bin/python3.
prepare_autobahn_python() {
  if /usr/bin/python3 -c 'import autobahn.asyncio.wamp, msgpack' >/dev/null 2>&1; then return 0; fi
  apt_install python3-autobahn ||
    echo "pipes: could not install python3-autobahn; the autobahn-python interop tests will say so" >&2
}

# The WAMP interop tests: autobahn-js 22.11.1 from npm, into the git-ignored .tools/ of the project
# (the tests find it there, or at $PIPES_AUTOBAHN_JS_MODULES).
AUTOBAHN_JS_VERSION=22.11.1
prepare_autobahn_js() {
  local dir="$PIPES_ROOT/.tools/autobahn-js"
  if grep -qs "\"version\": \"$AUTOBAHN_JS_VERSION\"" "$dir/node_modules/autobahn/package.json"; then return 0; fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || true
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "pipes: node/npm missing; the autobahn-js interop tests will say so" >&2
    return 0
  fi
  mkdir -p "$dir"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --prefix . "autobahn@$AUTOBAHN_JS_VERSION" >/dev/null) ||
    echo "pipes: npm could not install autobahn@$AUTOBAHN_JS_VERSION; the autobahn-js interop tests will say so" >&2
}

# The interactive shell's tests: tmux drives pipesh in a real terminal (ReplTerminalIT); zsh and
# fish load the completion scripts that `pipesh --completion zsh|fish` prints.
prepare_terminal_tools() {
  local missing=()
  for tool in tmux zsh fish; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" ||
    echo "pipes: could not install ${missing[*]} (not root, or no apt-get); tests that need them skip" >&2
}

# The cluster tests (docker/*IT): Debian's etcd (the tests start their own servers from /usr/bin/etcd).
prepare_etcd() {
  [ -x /usr/bin/etcd ] && return 0
  apt_install etcd-server ||
    echo "pipes: could not install etcd-server; the cluster tests will say so" >&2
}

# The cluster tests: a running Docker engine (Debian's docker.io). When none answers and we are
# root, install it and start dockerd in the background (no init system is assumed: CI runs in a
# plain container). overlay2 is tried first; a data root that cannot carry overlay2 (itself on an
# overlay file system) gets the vfs driver. The tests create and leave their own Swarm; Swarm here
# must do without IPVS and ESP (services use --endpoint-mode dnsrr, overlays are not encrypted).
PIPES_DOCKER_DATA_ROOT=${PIPES_DOCKER_DATA_ROOT:-/var/lib/docker}
docker_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }
start_dockerd() { # $1: extra option
  local log=/var/log/pipes-dockerd.log
  mkdir -p "$PIPES_DOCKER_DATA_ROOT"
  setsid dockerd --data-root "$PIPES_DOCKER_DATA_ROOT" ${1:-} >>"$log" 2>&1 </dev/null &
  local pid=$! i
  for i in $(seq 1 60); do docker_answers && return 0; sleep 0.5; done
  echo "pipes: dockerd did not answer within 30 s; the end of $log:" >&2
  tail -n 5 "$log" >&2
  kill "$pid" 2>/dev/null || true # the daemon we just started, before trying another way
  sleep 2
  return 1
}
prepare_docker() {
  docker_answers && return 0
  is_root || { echo "pipes: no Docker engine answers (and not root); the cluster tests will say so" >&2; return 0; }
  if ! command -v dockerd >/dev/null 2>&1; then
    apt_install docker.io || { echo "pipes: could not install docker.io; the cluster tests will say so" >&2; return 0; }
  fi
  pgrep -x dockerd >/dev/null 2>&1 && { sleep 5; docker_answers && return 0; }
  start_dockerd || start_dockerd "--storage-driver vfs" ||
    echo "pipes: dockerd would not start; the cluster tests will say so" >&2
}

# The multi-node cluster test: Debian's registry binary, unpacked into .tools/ and not installed
# (the package's postinst would start a registry service on this host's port 5000).
prepare_docker_registry() {
  local dir="$PIPES_ROOT/.tools/docker-registry"
  [ -x "$dir/usr/bin/docker-registry" ] && return 0
  command -v apt-get >/dev/null 2>&1 || return 0
  local tmp
  tmp=$(mktemp -d)
  if (cd "$tmp" && apt-get download docker-registry >/dev/null 2>&1) && mkdir -p "$dir" &&
     dpkg-deb -x "$tmp"/docker-registry_*.deb "$dir"; then :; else
    echo "pipes: could not fetch docker-registry; the multi-node cluster test will say so" >&2
  fi
  rm -rf "$tmp"
}

prepare_prerequisites() {
  prepare_autobahn_python
  prepare_autobahn_js
  prepare_terminal_tools
  prepare_etcd
  prepare_docker
  prepare_docker_registry
}
