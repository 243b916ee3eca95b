#!/usr/bin/env bash
# The runner of this folder's start figures: exec -> first verified echo of each variant, interleaved, medians.
# usage (from the project root): benchmarks/results-2026-11-30d/cold.sh RUNS VARIANTS
#   VARIANTS: a file of NAME|COMMAND lines, {PORT} in COMMAND (variants-final.txt is the one used, with this
#   machine's paths); benchmarks/wire-extras.sh runs the JDK 17 ones without a file.
B="${BENCH_BUILD:-../shared/bench/.build}"; RUNS=${1:-7}; VF=${2:?a variants file}
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
uptime
declare -A R
for i in $(seq 1 $RUNS); do
  while IFS='|' read -r name cmd; do
    [ -z "$name" ] && continue
    p=$(free_port); c=${cmd//\{PORT\}/$p}
    ms=$($B/wsload coldstart --url ws://127.0.0.1:$p/ --timeout 60 -- $c 2>/dev/null | grep '^JSON' | cut -c6- | python3 -c 'import json,sys;print("%.0f"%json.load(sys.stdin)["first_echo_ms"])')
    R[$name]="${R[$name]} $ms"
  done < $VF
done
while IFS='|' read -r name cmd; do [ -z "$name" ] && continue; echo "$name ${R[$name]}" | python3 -c 'import sys,statistics;p=sys.stdin.read().split();v=[float(x) for x in p[1:]];print("%-14s median %5.0f  runs %s"%(p[0],statistics.median(v)," ".join(p[1:])))'; done < $VF
uptime
