#!/usr/bin/env bash
# Benchmark (not a test): pipelines of local commands over 1 GiB in pipesh against bash, measured
# in the same run. pipesh joins adjacent local commands with OS pipes, so no byte of the data
# passes through the JVM: the goal is to be within 5% of bash, with pipesh's own memory flat.
#
#   bench/local-pipes.sh [SIZE_MIB]      (default 1024)
#
# For each pipeline it prints the best of 3 runs of bash and of pipesh, both as one `-c` run of
# the pipeline (pipesh's JVM start-up included) and as 3 pipelines inside one shell process
# (start-up spread out), the ratio pipesh/bash, and pipesh's peak RSS from /usr/bin/time -v.
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

# seconds SHELL TEXT -> wall-clock seconds of `SHELL -c TEXT`, best of 3
seconds() {
  local best="" t
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$1" -c "$2" > /dev/null
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%.3f' "$best"
}

peak_rss_mib() {
  /usr/bin/time -v "$pipesh" -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}'
}

printf '%-42s %-9s %9s %9s %7s\n' "pipeline ($size_mib MiB)" "mode" "bash s" "pipesh s" "ratio"
for pipeline in "cat '$data' | cat | cat" "cat '$data' | tr a-z A-Z | wc"; do
  label=${pipeline//"'$data'"/FILE}
  for mode in once loop3; do
    text=$pipeline
    [ "$mode" = loop3 ] && text="for i in 1 2 3; do $pipeline; done"
    b=$(seconds bash "$text")
    p=$(seconds "$pipesh" "$text")
    printf '%-42s %-9s %9s %9s %7.3f\n' "$label" "$mode" "$b" "$p" "$(echo "$p / $b" | bc -l)"
  done
  echo "  pipesh peak RSS: $(peak_rss_mib "$pipeline") MiB"
done
printf 'pipesh start-up alone (pipesh -c true): %ss; bash: %ss\n' "$(seconds "$pipesh" true)" "$(seconds bash true)"
