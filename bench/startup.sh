#!/usr/bin/env bash
# Start-up of pipesh (a benchmark, not a test), each figure beside its baseline measured in the same
# run, the runs interleaved (one of each command per round) so that a change in the machine's load
# hits every command alike:
#   - `pipesh -c true` beside `bash -c true` and a Java hello world (and pipesh without its class cache);
#   - a short script (bench/startup-script.sh: a loop, arithmetic, a pipeline, command substitutions,
#     case) in pipesh and in bash: pipesh's overhead is the difference of the medians;
#   - with tmux, the time from starting a terminal with the interactive pipesh in it to its first
#     prompt on the screen, beside `bash --norc` measured the same way (tmux's own start included).
# The load average is printed before and after: on a busy machine compare the ratios, not the times.
# Usage: bench/startup.sh            RUNS=20 bench/startup.sh
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"
pick_jdk
runs=${RUNS:-10}
pipesh="$PIPES_ROOT/bin/pipesh"
jar="$PIPES_ROOT/shell/target/pipesh.jar"
script="$PIPES_ROOT/bench/startup-script.sh"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Build if needed, then let the launcher's background trainings finish: the caches are what we measure.
"$pipesh" -c true
major=$(java_major "$JAVA")
ext=aot
[ "$major" -ge 25 ] || ext=jsa
await_cache() {
  local cache="$PIPES_ROOT/shell/target/pipesh-$1.$ext"
  for _ in $(seq 1 300); do
    [ -f "$cache" ] && [ "$cache" -nt "$jar" ] && return 0
    sleep 1
  done
  echo "startup: warning: no class cache was built ($cache); pipesh runs without it" >&2
}
await_cache script

work=$(mktemp -d)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
"$JAVA_HOME/bin/javac" -d "$work" "$work/Hello.java"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# interleaved NAME=COMMAND...: after one warm-up of each, runs every command once per round for
# $runs rounds and sets median_<NAME> to the median wall time in ms.
interleaved() {
  local spec name i start end
  declare -A times=()
  for spec in "$@"; do bash -c "${spec#*=}" >/dev/null 2>&1 || true; done
  for i in $(seq 1 "$runs"); do
    for spec in "$@"; do
      name=${spec%%=*}
      start=$(date +%s%N)
      bash -c "${spec#*=}" >/dev/null 2>&1 </dev/null || true
      end=$(date +%s%N)
      times[$name]+="$(( (end - start) / 1000000 )) "
    done
  done
  for spec in "$@"; do
    name=${spec%%=*}
    printf -v "median_$name" '%s' "$(tr ' ' '\n' <<<"${times[$name]}" | grep . | median)"
  done
}

q() { printf '%q' "$1"; }
interleaved \
  "bash=exec bash -c true" \
  "hello=exec $(q "$JAVA") -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp $(q "$work") Hello" \
  "pipesh=exec $(q "$pipesh") -c true" \
  "nocache=exec $(q "$JAVA") --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -jar $(q "$jar") -c true" \
  "bash_script=exec bash $(q "$script")" \
  "pipesh_script=exec $(q "$pipesh") $(q "$script")"

# Time to the first prompt in a real terminal (tmux), from starting the session to the prompt on
# the screen (the screen is polled every few ms, for pipesh and bash alike).
prompt_ms() {
  local session="pipes-bench-$$-$1" command=$2 start end
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 100 -y 20 "$command; sleep 5"
  until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q 'READY>'; do
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 60 ]; then
      echo "startup: no prompt after 60 s; the screen was:" >&2
      tmux capture-pane -p -t "$session" >&2 || true
      exit 1
    fi
    sleep 0.003
  done
  end=$(date +%s%N)
  tmux kill-session -t "$session"
  echo $(( (end - start) / 1000000 ))
}
median_prompt_pipesh=""
if command -v tmux >/dev/null 2>&1; then
  # a session that outlives the measured ones, so that the tmux server never exits between them
  tmux new-session -d -s "pipes-bench-$$-keep" "sleep 600"
  cleanup() { tmux kill-session -t "pipes-bench-$$-keep" 2>/dev/null; rm -rf "$work"; }
  pipesh_tty="env PIPES_HOME=$(q "$work/home") PIPES_PROMPT='READY> ' $(q "$pipesh")"
  bash_tty="env PS1='READY> ' bash --norc"
  prompt_ms warmup "$pipesh_tty" >/dev/null # starts the training of the interactive cache when needed
  await_cache interactive
  prompt_ms warmup2 "$pipesh_tty" >/dev/null
  pipesh_prompts="" bash_prompts=""
  for i in $(seq 1 "$runs"); do
    pipesh_prompts+="$(prompt_ms "p$i" "$pipesh_tty") "
    bash_prompts+="$(prompt_ms "b$i" "$bash_tty") "
  done
  median_prompt_pipesh=$(tr ' ' '\n' <<<"$pipesh_prompts" | grep . | median)
  median_prompt_bash=$(tr ' ' '\n' <<<"$bash_prompts" | grep . | median)
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
row() { printf '%-48s %6s ms  %8s  %9s\n' "$1" "$2" "$3" "$4"; }
overhead=$(( median_pipesh_script - median_bash_script ))
echo "start-up, medians of $runs interleaved runs ($("$JAVA" -version 2>&1 | head -n 1))"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
row "command" "time" "vs bash" "vs hello"
row "bash -c true" "$median_bash" "1.0x" "$(ratio "$median_bash" "$median_hello")"
row "java Hello (hello world)" "$median_hello" "$(ratio "$median_hello" "$median_bash")" "1.0x"
row "bin/pipesh -c true (launcher, class cache)" "$median_pipesh" "$(ratio "$median_pipesh" "$median_bash")" "$(ratio "$median_pipesh" "$median_hello")"
row "java -jar pipesh.jar -c true (no cache)" "$median_nocache" "$(ratio "$median_nocache" "$median_bash")" "$(ratio "$median_nocache" "$median_hello")"
row "bash startup-script.sh" "$median_bash_script" "" ""
row "bin/pipesh startup-script.sh" "$median_pipesh_script" "$(ratio "$median_pipesh_script" "$median_bash_script")" "$(ratio "$median_pipesh_script" "$median_hello")"
row "  pipesh's overhead on the script (vs bash)" "$overhead" "" ""
if [ -n "$median_prompt_pipesh" ]; then
  row "bash --norc to its first prompt (tmux)" "$median_prompt_bash" "1.0x" "$(ratio "$median_prompt_bash" "$median_hello")"
  row "bin/pipesh to its first prompt (tmux)" "$median_prompt_pipesh" "$(ratio "$median_prompt_pipesh" "$median_prompt_bash")" "$(ratio "$median_prompt_pipesh" "$median_hello")"
else
  echo "(tmux is not installed: the time to the first interactive prompt is not measured)"
fi
goal() { if [ "$2" -lt "$3" ]; then echo "goal: $1 under $3 ms: met ($2 ms)"; else echo "goal: $1 under $3 ms: not met ($2 ms)"; fi; }
goal "pipesh -c true" "$median_pipesh" 100
goal "the script's overhead" "$overhead" 100
[ -z "$median_prompt_pipesh" ] || goal "the first prompt" "$median_prompt_pipesh" 200
