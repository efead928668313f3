#!/usr/bin/env bash
# Benchmark (not a test): pipelines with service stages in pipesh against bash, measured in the
# same run on this machine.
#
#   bench/services.sh [a|b|c|all] [SIZE_MIB]
#
#   (a) SIZE_MIB (default 1024) of random bytes through three `cat` services, agents over loopback
#       WebSocket as in a cluster, and again with agents on the in-memory transport (labelled), against
#       `cat | cat | cat` in bash. Goal: at least a quarter of the native pipe's throughput.
#   (b) word frequency (tr | tr | sort | uniq -c | sort -rn | head) over 100 MiB of text, the first
#       tr a service, against the same pipeline in bash.
#   (c) a CPU-bound service with 1 and with 2 replicas. Goal: at least 1.7 times faster with 2. Beside
#       it, the executable alone and its input's two halves run side by side without pipesh: the
#       speed-up this machine gives two processes at all.
# Every pipesh run also reports pipesh's peak RSS (/usr/bin/time -v), which must stay flat whatever
# the data size. Each figure is the best of 2 runs; pipesh's JVM start-up is included.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
which=${1:-all}
size_mib=${2:-1024}
pipesh="$root/bin/pipesh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PIPES_HOME="$work/home"
"$pipesh" -c true >/dev/null   # builds pipesh when needed, outside the measurements
# bin/pipesh rebuilds when any source is newer than the jar; a newer test source leaves the jar
# as it was (nothing to repackage), so mark it fresh lest every measured run include a build
touch "$root/shell/target/pipesh.jar"

cat > "$work/pass.sh" <<'SH'
#!/bin/sh
exec cat
SH
cat > "$work/words.sh" <<'SH'
#!/bin/sh
exec tr -cs A-Za-z '\n'
SH
cat > "$work/crunch.sh" <<'SH'
#!/bin/sh
# CPU-bound: a few thousand multiplications per input line
exec awk '{ s = 0; for (i = 0; i < 300; i++) s = (s + i * NR) % 1000003; print s }'
SH
chmod +x "$work"/*.sh
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$pipesh" -c "cd '$work'; build pass ./pass.sh; build words ./words.sh; build crunch ./crunch.sh" >/dev/null

# run SHELL TEXT -> "seconds peak_rss_mib" of `SHELL -c TEXT`, best of 2 (RSS of that run)
run() {
  local best="" rss="" t r out
  for _ in 1 2; do
    /usr/bin/time -o "$work/time" -f '%e %M' "$1" -c "$2" > /dev/null 2>"$work/stderr" \
      || { echo "failed: $1 -c $2" >&2; cat "$work/stderr" >&2; exit 1; }
    out=$(tail -1 "$work/time")
    t=${out% *}; r=${out#* }
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; rss=$r; fi
  done
  printf '%s %.0f\n' "$best" "$(echo "$rss / 1024" | bc -l)"
}

line() { printf '%-58s %8s %9s %10s\n' "$@"; }
mbps() { echo "$1 / $2" | bc -l | xargs printf '%.0f'; }

if [ "$which" = a ] || [ "$which" = all ]; then
  data="$work/random.bin"
  echo "(a) generating $size_mib MiB of random bytes ..." >&2
  head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$data"
  line "(a) $size_mib MiB through three cat stages" "seconds" "MiB/s" "peak RSS"
  read -r tb _ < <(run bash "cat '$data' | cat | cat | cat > /dev/null")
  line "bash: cat | cat | cat" "$tb" "$(mbps "$size_mib" "$tb")" "-"
  read -r tw rw < <(run "$pipesh" "pass < '$data' | pass | pass > /dev/null")
  line "pipesh: 3 services, agents over loopback WebSocket" "$tw" "$(mbps "$size_mib" "$tw")" "${rw} MiB"
  read -r tm rm < <(PIPES_AGENT_LINK=memory run "$pipesh" "pass < '$data' | pass | pass > /dev/null")
  line "pipesh: 3 services, agents on the in-memory transport" "$tm" "$(mbps "$size_mib" "$tm")" "${rm} MiB"
  printf 'ratio of throughput pipesh/bash: WebSocket %.3f, in-memory %.3f (goal >= 0.25)\n\n' \
    "$(echo "$tb / $tw" | bc -l)" "$(echo "$tb / $tm" | bc -l)"
  rm -f "$data"
fi

if [ "$which" = b ] || [ "$which" = all ]; then
  text="$work/text.txt"
  echo "(b) generating 100 MiB of text ..." >&2
  head -c $((100 * 1024 * 1024)) < <(while :; do cat "$root"/docs/*.md; done) > "$text"
  line "(b) word frequency over 100 MiB" "seconds" "" "peak RSS"
  tail="| tr A-Z a-z | sort | uniq -c | sort -rn | head"
  read -r tb _ < <(run bash "tr -cs A-Za-z '\n' < '$text' $tail")
  line "bash: tr | tr | sort | uniq -c | sort -rn | head" "$tb" "" "-"
  read -r tp rp < <(run "$pipesh" "words < '$text' $tail")
  line "pipesh: words (service) | tr | sort | uniq -c | ..." "$tp" "" "${rp} MiB"
  printf 'ratio of time pipesh/bash: %.3f\n\n' "$(echo "$tp / $tb" | bc -l)"
fi

if [ "$which" = c ] || [ "$which" = all ]; then
  lines="$work/lines.txt"
  seq 1 300000 > "$lines"
  line "(c) CPU-bound service over 300,000 lines" "seconds" "" "peak RSS"
  read -r tl _ < <(run bash "'$work/crunch.sh' < '$lines' | tail -n 1")
  line "bash: the executable alone" "$tl" "" "-"
  # the machine's own ceiling: the same work split in two halves run side by side, no pipes at all
  head -n 150000 "$lines" > "$work/half1.txt"; tail -n +150001 "$lines" > "$work/half2.txt"
  read -r th _ < <(run bash "'$work/crunch.sh' < '$work/half1.txt' > /dev/null & '$work/crunch.sh' < '$work/half2.txt' > /dev/null; wait")
  line "bash: two halves side by side (this machine's ceiling)" "$th" "" "-"
  read -r t1 r1 < <(run "$pipesh" "PIPES_BLOCK_SIZE=65536; crunch < '$lines' | tail -n 1")
  line "pipesh: crunch (1 replica)" "$t1" "" "${r1} MiB"
  read -r t2 r2 < <(run "$pipesh" "PIPES_BLOCK_SIZE=65536; crunch@2 < '$lines' | tail -n 1")
  line "pipesh: crunch@2 (2 replicas, 64 KiB blocks)" "$t2" "" "${r2} MiB"
  read -r t0 _ < <(run "$pipesh" "PIPES_BLOCK_SIZE=65536; crunch@2 < /dev/null | tail -n 1")
  line "pipesh: crunch@2 on no input (fixed cost: JVM, router, agents)" "$t0" "" "-"
  printf 'speed-up with 2 replicas: %.2f (goal >= 1.7); without the fixed cost: %.2f; the machine alone: %.2f with 2 halves; cores: %s\n' \
    "$(echo "$t1 / $t2" | bc -l)" "$(echo "($t1 - $t0) / ($t2 - $t0)" | bc -l)" "$(echo "$tl / $th" | bc -l)" "$(nproc)"
fi
