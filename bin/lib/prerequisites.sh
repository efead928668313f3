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

prepare_prerequisites() {
  : # no prerequisite yet beyond a JDK and Maven
}
