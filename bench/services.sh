#!/usr/bin/env bash
# Benchmark (not a test): pipelines with service stages in pipesh against bash and plain processes,
# measured in the same run on this machine.
#
#   bench/services.sh [a|b|c|d|all] [SIZE_MIB]
#
#   (a) SIZE_MIB (default 1024) of random bytes through three `cat` services: with fusion (the
#       embedded runtime joins them with OS pipes; goal: at least 0.9 of bash's throughput), and with
#       PIPES_FUSE=0, each through its agent over direct joints (agents on the in-memory transport,
#       and over loopback WebSocket as in a cluster; goal: at least 0.35), against
#       `cat | cat | cat | cat` in bash. Throughput counts the data's time only: each pipesh figure
#       less the same pipeline on no input (pipesh's start-up, the router, the agents), shown beside.
#   (b) word frequency (tr | tr | sort | uniq -c | sort -rn | head) over 100 MiB of text, the first
#       tr a service, against the same pipeline in bash.
#   (c) a CPU-bound service with 1 and with 2 replicas, beside the executable alone and its input's
#       two halves run side by side without pipesh (the speed-up this machine gives two processes at
#       all). Goal: the replicas' speed-up at least 0.85 of that ceiling. Also the fixed cost of a
#       pipeline with services (`crunch@2` on no input less `true | tail` on no input, both in a
#       fresh pipesh). Goal: at most 0.2 s.
#   (d) SIZE_MIB through one WAMP joint between two agent processes (native agents: JVMs running
#       pipes' own agent, as a container would), `gen FILE | sink`, beside a plain TCP copy of the
#       same file between two processes on this machine (bash's /dev/tcp to a Python receiver).
#       Goal: at least half the TCP copy's throughput (data time only, as in (a)).
# Every pipesh run also reports pipesh's peak RSS (/usr/bin/time -v), which must stay flat whatever
# the data size. Each figure is the best of 2 runs; the load average is printed with each part.
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
cat > "$work/gen.sh" <<'SH'
#!/bin/sh
exec cat "$@"
SH
cat > "$work/sink.sh" <<'SH'
#!/bin/sh
exec wc -c
SH
cat > "$work/crunch.sh" <<'SH'
#!/bin/sh
# CPU-bound: a few thousand multiplications per input line
exec awk '{ s = 0; for (i = 0; i < 300; i++) s = (s + i * NR) % 1000003; print s }'
SH
chmod +x "$work"/*.sh
# (d)'s services are agents of their own: a JVM running pipes' stage agent around the tool
source "$root/bin/lib/common.sh"
pick_jdk
java=$JAVA
for tool in gen sink; do
  cat > "$work/$tool-agent.sh" <<SH
#!/bin/sh
exec '$java' -XX:+UseParallelGC --sun-misc-unsafe-memory-access=allow -cp '$root/shell/target/pipesh.jar' dev.pipes.engine.agent.StageAgentMain '$work/$tool.sh'
SH
done
# (d)'s baseline: a plain TCP copy, bash's /dev/tcp into a Python receiver that counts the bytes
cat > "$work/receive.py" <<'PY'
import socket
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
print(server.getsockname()[1], flush=True)
conn, _ = server.accept()
buffer = bytearray(1 << 20)
total = 0
while True:
    n = conn.recv_into(buffer)
    if not n:
        break
    total += n
print(total, flush=True)
PY
cat > "$work/tcpcopy.sh" <<'SH'
#!/usr/bin/env bash
# tcpcopy.sh FILE BYTES: FILE over loopback TCP from one process to another; prints the seconds
# from the receiver's being ready to its having counted every byte; fails on a short count
set -euo pipefail
exec 3< <(/usr/bin/python3 "$(dirname "$0")/receive.py")
read -r port <&3
t0=$(date +%s%N)
cat "$1" > "/dev/tcp/127.0.0.1/$port"
read -r received <&3
t1=$(date +%s%N)
[ "$received" = "$2" ] || { echo "tcpcopy: received $received of $2 bytes" >&2; exit 1; }
echo "$(( (t1 - t0) / 1000 ))"
SH
chmod +x "$work"/*.sh
load() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "machine: $(nproc) cores, $(load)"
"$pipesh" -c "cd '$work'; build pass ./pass.sh; build words ./words.sh; build crunch ./crunch.sh
  build gen ./gen-agent.sh --agent native; build sink ./sink-agent.sh --agent native" >/dev/null

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

line() { printf '%-58s %8s %9s %10s %9s\n' "$1" "$2" "$3" "$4" "${5:-}"; }
mbps() { echo "$1 / $2" | bc -l | xargs printf '%.0f'; }

# data time: seconds less the same pipeline's time on no input, floored at 10 ms
net() { echo "x = $1 - $2; if (x < 0.01) x = 0.01; x" | bc -l; }

# warm PREFIX EMPTY DATA -> "data_seconds peak_rss_mib": in one pipesh, PREFIX, then the pipeline
# EMPTY (on no input: it starts the router and the agents, which stay warm), then DATA timed by
# itself; best of 2 (RSS of that run). $PIPES_AGENT_LINK passes through.
warm() {
  local best="" rss="" out t r
  for _ in 1 2; do
    /usr/bin/time -o "$work/time" -f '%M' "$pipesh" -c "$1 $2
      t0=\$(date +%s%N); $3; t1=\$(date +%s%N); echo \$(( (t1 - t0) / 1000 )) > '$work/micros'" \
      > /dev/null 2>"$work/stderr" || { echo "failed: $1 $3" >&2; cat "$work/stderr" >&2; exit 1; }
    t=$(echo "$(cat "$work/micros") / 1000000" | bc -l); r=$(tail -1 "$work/time")
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; rss=$r; fi
  done
  printf '%.3f %.0f\n' "$best" "$(echo "$rss / 1024" | bc -l)"
}

if [ "$which" = a ] || [ "$which" = all ]; then
  data="$work/random.bin"
  echo "(a) generating $size_mib MiB of random bytes ..." >&2
  head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$data"
  echo "(a) $(load)"
  line "(a) $size_mib MiB through three cat stages" "seconds" "MiB/s" "peak RSS"
  read -r tb _ < <(run bash "cat '$data' | cat | cat | cat > /dev/null")
  line "bash: cat | cat | cat | cat" "$tb" "$(mbps "$size_mib" "$tb")" "-"
  a_row() { # LABEL PREFIX [LINK]: a pipesh row, the data's time only (the pipeline on no input before it)
    local t r
    read -r t r < <(PIPES_AGENT_LINK=${3:-memory} warm "$2" "pass < /dev/null | pass | pass > /dev/null" \
      "pass < '$data' | pass | pass > /dev/null")
    line "$1" "$t" "$(mbps "$size_mib" "$t")" "${r} MiB"
    echo "$(echo "$tb / $t" | bc -l)" > "$work/ratio"
  }
  a_row "pipesh: fused (OS pipes, no byte through pipesh)" ""; rf=$(cat "$work/ratio")
  a_row "pipesh: PIPES_FUSE=0, direct joints, agents in memory" "PIPES_FUSE=0;"; rm0=$(cat "$work/ratio")
  a_row "pipesh: PIPES_FUSE=0, direct joints, loopback WebSocket" "PIPES_FUSE=0;" websocket
  rw0=$(cat "$work/ratio")
  printf 'throughput pipesh/bash: fused %.3f (goal >= 0.9); PIPES_FUSE=0 in memory %.3f, WebSocket %.3f (goal >= 0.35)\n\n' \
    "$rf" "$rm0" "$rw0"
  rm -f "$data"
fi

if [ "$which" = b ] || [ "$which" = all ]; then
  text="$work/text.txt"
  echo "(b) generating 100 MiB of text ..." >&2
  head -c $((100 * 1024 * 1024)) < <(while :; do cat "$root"/docs/*.md; done) > "$text"
  echo "(b) $(load)"
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
  echo "(c) $(load)"
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
  line "pipesh: crunch@2 on no input" "$t0" "" "-"
  read -r tt _ < <(run "$pipesh" "true < /dev/null | tail -n 1")
  line "pipesh: true | tail on no input (pipesh's own start-up)" "$tt" "" "-"
  speedup=$(echo "$t1 / $t2" | bc -l)
  ceiling=$(echo "$tl / $th" | bc -l)
  printf 'speed-up with 2 replicas: %.2f; the machine alone: %.2f with 2 halves; ratio %.2f (goal >= 0.85); cores: %s\n' \
    "$speedup" "$ceiling" "$(echo "$speedup / $ceiling" | bc -l)" "$(nproc)"
  printf 'fixed cost of a pipeline with services: %.2f s (crunch@2 less true, on no input; goal <= 0.2)\n\n' \
    "$(echo "$t0 - $tt" | bc -l)"
fi

if [ "$which" = d ] || [ "$which" = all ]; then
  data="$work/random.bin"
  bytes=$((size_mib * 1024 * 1024))
  echo "(d) generating $size_mib MiB of random bytes ..." >&2
  head -c "$bytes" /dev/urandom > "$data"
  echo "(d) $(load)"
  line "(d) $size_mib MiB through one joint (data time only)" "seconds" "MiB/s" "peak RSS"
  tc=""
  for _ in 1 2; do
    t=$(echo "$("$work/tcpcopy.sh" "$data" "$bytes") / 1000000" | bc -l)
    if [ -z "$tc" ] || (( $(echo "$t < $tc" | bc -l) )); then tc=$t; fi
  done
  line "plain TCP copy between two processes (loopback)" "$(printf %.3f "$tc")" "$(mbps "$size_mib" "$tc")" "-"
  # sink's count must be the file's size: checked once, outside the measurements
  counted=$("$pipesh" -c "PIPES_FUSE=0; gen '$data' < /dev/null | sink")
  [ "$(echo "$counted" | tr -d ' ')" = "$bytes" ] || { echo "(d): sink counted '$counted', not $bytes" >&2; exit 1; }
  read -r tj rj < <(warm "PIPES_FUSE=0;" "gen /dev/null < /dev/null | sink > /dev/null" "gen '$data' < /dev/null | sink > /dev/null")
  line "pipesh: gen FILE | sink, two agent processes, WAMP direct" "$tj" "$(mbps "$size_mib" "$tj")" "${rj} MiB"
  printf 'throughput WAMP joint / TCP copy: %.3f (goal >= 0.5)\n\n' \
    "$(echo "$tc / $tj" | bc -l)"
  rm -f "$data"
fi
