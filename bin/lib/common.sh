# Shared by the pipes scripts: find the project, pick a JDK >= 22, run Maven quietly.
# Sourced, not executed.

PIPES_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# java_major JAVA -> the feature release number of that java binary (17, 21, 25, ...), or nothing.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# pick_jdk: sets JAVA_HOME and JAVA to a JDK >= 22, looking at $JAVA_HOME, then PATH, then
# /usr/lib/jvm (newest first). Fails with a clear message when there is none.
pick_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${home%/}"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 22 ]; then
      export JAVA_HOME="$home"
      JAVA="$home/bin/java"
      JAVA_MAJOR=$major
      # Maven's own Guava warns loudly about sun.misc.Unsafe on Java 24+; keep the output readable.
      if [ "$major" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      fi
      return 0
    fi
  done
  echo "pipes: no JDK 22 or newer found (looked at \$JAVA_HOME, javac on PATH and /usr/lib/jvm);" >&2
  echo "pipes: install one (for example Debian's a JDK 22 or newer, such as Temurin 25) or set JAVA_HOME to it." >&2
  return 1
}

require_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  echo "pipes: Maven (mvn) is needed to build pipes; install it (for example Debian's maven)." >&2
  return 1
}
