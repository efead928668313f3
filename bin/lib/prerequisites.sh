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

prepare_prerequisites() {
  prepare_autobahn_python
  prepare_autobahn_js
}
