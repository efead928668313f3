#!/usr/bin/env bash
# Start-up time of pipesh (a benchmark, not a test): the wall time of `pipesh -c true`, median of
# RUNS runs (default 10), beside `bash -c true` and a Java hello world measured in the same run,
# and the same pipesh run without the launcher's class cache to show what the cache saves; with
# tmux, also the time from starting the interactive pipesh to its first prompt.
# Usage: bench/startup.sh            RUNS=20 bench/startup.sh
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"
pick_jdk
runs=${RUNS:-10}
pipesh="$PIPES_ROOT/bin/pipesh"
jar="$PIPES_ROOT/shell/target/pipesh.jar"

# Build if needed, then let the launcher's background training finish: the cache is what we measure.
"$pipesh" -c true
major=$(java_major "$JAVA")
cache="$PIPES_ROOT/shell/target/pipesh-script.aot"
[ "$major" -ge 25 ] || cache="$PIPES_ROOT/shell/target/pipesh-script.jsa"
for _ in $(seq 1 300); do
  [ -f "$cache" ] && [ "$cache" -nt "$jar" ] && break
  sleep 1
done
[ -f "$cache" ] || echo "startup: warning: no class cache was built ($cache); pipesh runs without it" >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
"$JAVA_HOME/bin/javac" -d "$work" "$work/Hello.java"

# median_ms COMMAND...: runs COMMAND $runs times (after one warm-up) and prints the median in ms.
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local i start end
  for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

bash_ms=$(median_ms bash -c true)
hello_ms=$(median_ms "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work" Hello)
pipesh_ms=$(median_ms "$pipesh" -c true)
nocache_ms=$(median_ms "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" -c true)

# Time to the first prompt of the interactive shell, in a real terminal (tmux), when tmux is there:
# from starting the session to the prompt on the screen (the screen is polled every few ms).
prompt_ms() {
  local session="pipes-bench-$$-$1" start end
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 100 -y 20 \
    "env PIPES_HOME='$work/home' PIPES_PROMPT='READY> ' '$pipesh'; sleep 5"
  until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q 'READY>'; do
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 60 ]; then
      echo "startup: no prompt after 60 s; the screen was:" >&2
      tmux capture-pane -p -t "$session" >&2 || true
      exit 1
    fi
    sleep 0.005
  done
  end=$(date +%s%N)
  tmux kill-session -t "$session"
  echo $(( (end - start) / 1000000 ))
}
interactive_ms=""
if command -v tmux >/dev/null 2>&1; then
  # a session that outlives the measured ones, so that the tmux server never exits between them
  tmux new-session -d -s "pipes-bench-$$-keep" "sleep 600"
  trap 'tmux kill-session -t "pipes-bench-$$-keep" 2>/dev/null; rm -rf "$work"' EXIT
  prompt_ms warmup >/dev/null
  icache="${cache/pipesh-script/pipesh-interactive}"
  for _ in $(seq 1 300); do [ -f "$icache" ] && [ "$icache" -nt "$jar" ] && break; sleep 1; done
  interactive_ms=$(for i in $(seq 1 "$runs"); do prompt_ms "$i"; done | sort -n |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
echo "start-up, median of $runs runs ($("$JAVA" -version 2>&1 | head -n 1); load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-44s %6s ms  %8s  %8s\n' "command" "time" "vs bash" "vs hello"
printf '%-44s %6s ms  %8s  %8s\n' "bash -c true" "$bash_ms" "1.0x" "$(ratio "$bash_ms" "$hello_ms")"
printf '%-44s %6s ms  %8s  %8s\n' "java Hello (hello world)" "$hello_ms" "$(ratio "$hello_ms" "$bash_ms")" "1.0x"
printf '%-44s %6s ms  %8s  %8s\n' "bin/pipesh -c true (launcher, class cache)" "$pipesh_ms" "$(ratio "$pipesh_ms" "$bash_ms")" "$(ratio "$pipesh_ms" "$hello_ms")"
printf '%-44s %6s ms  %8s  %8s\n' "java -jar pipesh.jar -c true (no cache)" "$nocache_ms" "$(ratio "$nocache_ms" "$bash_ms")" "$(ratio "$nocache_ms" "$hello_ms")"
if [ -n "$interactive_ms" ]; then
  printf '%-44s %6s ms  %8s  %8s\n' "bin/pipesh to its first prompt (tmux)" "$interactive_ms" "$(ratio "$interactive_ms" "$bash_ms")" "$(ratio "$interactive_ms" "$hello_ms")"
else
  echo "(tmux is not installed: the time to the first interactive prompt is not measured)"
fi
if [ "$pipesh_ms" -lt 150 ]; then echo "goal (< 150 ms): met"; else echo "goal (< 150 ms): not met"; fi
