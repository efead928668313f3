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

# The interactive shell's tests: tmux drives pipesh in a real terminal (ReplTerminalIT); zsh and
# fish load the completion scripts that `pipesh --completion zsh|fish` prints.
prepare_terminal_tools() {
  local missing=()
  for tool in tmux zsh fish; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" ||
    echo "pipes: could not install ${missing[*]} (not root, or no apt-get); tests that need them skip" >&2
}

prepare_prerequisites() {
  prepare_terminal_tools
}
