#!/usr/bin/env bash
# Benchmark (not a test): the cost of starting one external command from pipesh, with
# posix_spawn through Java's foreign function API (the default on Linux) and with ProcessBuilder
# (PIPES_NATIVE_SPAWN=0), beside bash, in the same run. Each figure is the best of ROUNDS
# (default 3) runs of a loop of COUNT (default 2000) `/bin/true`, less the shell's own start-up
# (`-c true`), divided by COUNT. The load average is printed with each figure: on a shared
# machine the figures mean little without it.
#
#   bench/spawn.sh [COUNT]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-2000}
rounds=${ROUNDS:-3}
pipesh="$root/bin/pipesh"
loop="i=0; while [ \$i -lt $count ]; do /bin/true; i=\$((i+1)); done"

best() { # best elapsed seconds of $rounds runs of "$@"
  local b="" t f
  f=$(mktemp)
  for _ in $(seq "$rounds"); do
    /usr/bin/time -o "$f" -f %e "$@" >/dev/null 2>&1
    t=$(tail -n 1 "$f")
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  rm -f "$f"
  echo "$b"
}

"$pipesh" -c true # build and warm the class cache first
for shell in bash native processbuilder; do
  case $shell in
    bash) cmd=(bash) ;;
    native) cmd=(env PIPES_NATIVE_SPAWN=1 "$pipesh") ;;
    processbuilder) cmd=(env PIPES_NATIVE_SPAWN=0 "$pipesh") ;;
  esac
  start=$(best "${cmd[@]}" -c true)
  total=$(best "${cmd[@]}" -c "$loop")
  per=$(awk -v t="$total" -v s="$start" -v n="$count" 'BEGIN { printf "%.3f", (t - s) * 1000 / n }')
  printf '%-15s %s ms per command (%s s for %s, start-up %s s)   load: %s\n' "$shell" "$per" "$total" "$count" \
    "$start" "$(uptime | sed 's/.*load average: //')"
done
