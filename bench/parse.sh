#!/usr/bin/env bash
# Parse benchmark (not a test): generates a script of about 1 MB, parses it with the pipes parser
# (the first parse in a fresh JVM, then the median and best of the following ones) and checks the
# same file with `bash -n` as the baseline, in the same run. Prints MB/s for both and the ratio,
# from wall-clock time and from CPU time (the figure that stays meaningful on a busy machine).
#
#   bench/parse.sh [ROUNDS]        ROUNDS parses with each tool (default 15)
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../bin/lib/common.sh"
pick_jdk
require_maven
rounds=${1:-15}

cd "$PIPES_ROOT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "bench/parse: building the grammar module..." >&2
mvn -B -q -pl grammar -Dmaven.test.skip=true package dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath" >"$work/maven.log" 2>&1 || { cat "$work/maven.log" >&2; exit 1; }
classpath="$PIPES_ROOT/grammar/target/classes:$(cat "$work/classpath")"
script="$work/generated.pipes"

"$JAVA" -Xmx2g -cp "$classpath" bench/parse/ParseBench.java "$script" "$rounds" >"$work/pipes.out"
grep -v '^RESULT' "$work/pipes.out"
read -r first median best first_cpu median_cpu best_cpu < <(sed -n \
  's/^RESULT first=\([0-9.]*\) median=\([0-9.]*\) best=\([0-9.]*\) firstcpu=\([0-9.]*\) mediancpu=\([0-9.]*\) bestcpu=\([0-9.]*\)$/\1 \2 \3 \4 \5 \6/p' \
  "$work/pipes.out")

# bash -n on the same file: wall-clock with date, CPU (user + system) with the time keyword
wall=()
cpu=()
TIMEFORMAT='%U %S'
for _ in $(seq "$rounds"); do
  start=$(date +%s%N)
  { time bash -n "$script" ; } 2>"$work/time"
  end=$(date +%s%N)
  wall+=("$(( end - start ))")
  cpu+=("$(awk '{ printf "%d", ($1 + $2) * 1e9 }' "$work/time")")
done
median_of() { printf '%s\n' "$@" | sort -n | awk '{ t[NR] = $1 } END { printf "%.6f", t[int((NR + 1) / 2)] / 1e9 }'; }
bash_wall=$(median_of "${wall[@]}")
bash_cpu=$(median_of "${cpu[@]}")

awk -v bytes="$(wc -c <"$script")" -v first="$first" -v median="$median" -v best="$best" \
    -v fcpu="$first_cpu" -v mcpu="$median_cpu" -v bcpu="$best_cpu" -v bwall="$bash_wall" -v bcpu_="$bash_cpu" 'BEGIN {
  mb = bytes / 1e6
  if (bcpu_ < 0.001) bcpu_ = 0.001
  printf "file: %.2f MB generated script\n", mb
  printf "bash -n (baseline): median %.3f s wall = %.1f MB/s; %.3f s CPU = %.1f MB/s\n", bwall, mb / bwall, bcpu_, mb / bcpu_
  printf "pipes parser:       median %.3f s wall = %.1f MB/s; %.3f s CPU = %.1f MB/s\n", median, mb / median, mcpu, mb / mcpu
  printf "pipes parser:       best   %.3f s wall = %.1f MB/s; %.3f s CPU = %.1f MB/s\n", best, mb / best, bcpu, mb / bcpu
  printf "pipes parser:       first parse in a fresh JVM %.3f s wall, %.3f s CPU\n", first, fcpu
  printf "ratio pipes/bash in MB/s (median): %.2f wall-clock, %.2f CPU\n", bwall / median, bcpu_ / mcpu
}'
