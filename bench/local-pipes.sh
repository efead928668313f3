#!/usr/bin/env bash
# Benchmark (not a test): pipelines of local commands over 1 GiB in pipesh against bash, measured
# in the same run. pipesh joins adjacent local commands with OS pipes, so no byte of the data
# passes through the JVM: the goal is to be within 5% of bash, with pipesh's own memory flat.
#
#   bench/local-pipes.sh [SIZE_MIB]      (default 1024)
#
# For each pipeline it prints the best of ROUNDS (default 5) alternating runs of bash and pipesh,
# both as one `-c` run of the pipeline (pipesh's JVM start-up included) and as 3 pipelines inside
# one shell process (start-up spread out): elapsed and CPU seconds, the ratios pipesh/bash, the
# same ratios net of pipesh's start-up (measured first), and pipesh's peak RSS (/usr/bin/time -v).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
size_mib=${1:-1024}
pipesh="$root/bin/pipesh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data.txt"
echo "generating $size_mib MiB of text in $data ..." >&2
head -c "$((size_mib * 1024 * 1024))" \
  < <(yes 'the quick brown fox jumps over the lazy dog 0123456789 THE QUICK BROWN FOX') > "$data"

"$pipesh" -c true >/dev/null   # builds pipesh when needed, outside the measurements

# measure SHELL TEXT -> "WALL CPU" seconds of one `SHELL -c TEXT` (CPU: user + system of the
# shell and every process it started)
measure() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$1" -c "$2" > /dev/null
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$work/time"
}

# best ROUNDS TEXT -> "BASH_WALL BASH_CPU PIPESH_WALL PIPESH_CPU", the minimum of each over ROUNDS
# rounds that alternate bash and pipesh, so that load on the machine hits both alike
best() {
  local bw=999999 bc=999999 pw=999999 pc=999999 w c
  for _ in $(seq "$1"); do
    read -r w c < <(measure bash "$2")
    bw=$(min "$bw" "$w"); bc=$(min "$bc" "$c")
    read -r w c < <(measure "$pipesh" "$2")
    pw=$(min "$pw" "$w"); pc=$(min "$pc" "$c")
  done
  echo "$bw $bc $pw $pc"
}

min() { echo "$1 $2" | awk '{print ($1 < $2) ? $1 : $2}'; }
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.3f", $1 / $2; else printf "-" }'; }
net() { echo "$1 $2 $3" | awk '{ if ($3 > 0) printf "%.3f", ($1 - $2) / $3; else printf "-" }'; }

peak_rss_mib() {
  /usr/bin/time -v "$pipesh" -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}'
}

rounds=${ROUNDS:-5}
# pipesh's fixed cost (the JVM starting), measured first so that each row can also show the
# ratio net of it: (pipesh - start-up) / bash, i.e. what the pipelines themselves cost
read -r _ _ sw sc < <(best "$rounds" true)
echo "best of $rounds alternating runs; wall = elapsed seconds, cpu = user+system seconds"
echo "pipesh start-up alone (-c true): ${sw}s wall, ${sc}s cpu; 'net' ratios subtract it"
printf '%-30s %-5s %7s %7s %6s %6s   %7s %7s %6s %6s\n' "pipeline ($size_mib MiB)" mode bash pipesh wall net bash pipesh cpu net
for pipeline in "cat '$data' | cat | cat" "cat '$data' | tr a-z A-Z | wc"; do
  label=${pipeline//"'$data'"/FILE}
  for mode in once loop3; do
    text=$pipeline
    [ "$mode" = loop3 ] && text="for i in 1 2 3; do $pipeline; done"
    read -r bw bc pw pc < <(best "$rounds" "$text")
    printf '%-30s %-5s %7s %7s %6s %6s   %7s %7s %6s %6s\n' "$label" "$mode" "$bw" "$pw" "$(ratio "$pw" "$bw")" \
      "$(net "$pw" "$sw" "$bw")" "$bc" "$pc" "$(ratio "$pc" "$bc")" "$(net "$pc" "$sc" "$bc")"
  done
  echo "  pipesh peak RSS: $(peak_rss_mib "$pipeline") MiB"
done
