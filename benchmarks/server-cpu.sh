#!/usr/bin/env bash
# Server CPU time per echoed message, for several servers side by side: on a shared, busy machine msgs/s
# moves with other people's load; the CPU a server spends on one message moves less (2x in msgs/s was
# 10-15% here), though still some: fewer messages per wake-up cost more per message. Uses the load
# generator of ../shared/bench (run its run.sh once first).
#
#   benchmarks/server-cpu.sh [--rounds 3] [--duration 6] LABEL='COMMAND {PORT}' ...
#   e.g. benchmarks/server-cpu.sh before='java -jar old.jar --port {PORT} --host 127.0.0.1 --quiet' \
#                                 after='java -jar fixture/target/wsfixture-server.jar --port {PORT} --host 127.0.0.1 --quiet'
#
# Each round starts every server once (in the order given), runs the workloads of run.sh against it with
# wsload --pid, and stops it by its PID. Prints per workload and server the median over rounds of msgs/s and of
# server CPU microseconds per message (utime+stime of the server process over the measured window / messages),
# and the CPU ratio to the first server. Loopback only.
set -euo pipefail
ROUNDS=3; DUR=6
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2;;
    --duration) DUR="$2"; shift 2;;
    *) break;;
  esac
done
[ $# -gt 0 ] || { sed -n 2,13p "$0"; exit 2; }
BUILD="${BENCH_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/shared/bench/.build}"
WSLOAD="$BUILD/wsload"
[ -x "$WSLOAD" ] || { echo "no $WSLOAD: run ../shared/bench/run.sh once first (or set BENCH_BUILD)" >&2; exit 2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
WORK=("small-1conn|--conns 1 --window 1 --size 32"
      "small-16conn|--conns 16 --window 8 --size 32"
      "small-256conn|--conns 256 --window 2 --size 32"
      "64KiB-4conn|--conns 4 --window 2 --size 65536 --binary")
OUT=$(mktemp); LOG=$(mktemp)
SPID=""
cleanup() { [ -n "$SPID" ] && kill "$SPID" 2>/dev/null; rm -f "$OUT" "$LOG"; }
trap cleanup EXIT
echo "start $(date -u '+%F %T') UTC; $(uptime)"
for round in $(seq 1 "$ROUNDS"); do
  for spec in "$@"; do
    label=${spec%%=*}; port=$(free_port)
    read -ra CMD <<<"${spec#*=}"
    "${CMD[@]//\{PORT\}/$port}" >"$LOG" 2>&1 &
    SPID=$!
    for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.05; done
    for w in "${WORK[@]}"; do
      json=$("$WSLOAD" echo --url "ws://127.0.0.1:$port/" --prefix "Echo: " --warmup 2 --duration "$DUR" \
               --pid "$SPID" ${w#*|} 2>/dev/null | grep '^JSON ' | cut -c6- || true)
      [ -n "$json" ] && echo "$label ${w%%|*} $json" >>"$OUT"
    done
    kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null || true; SPID=""
  done
done
echo "end $(date -u '+%F %T') UTC; $(uptime)"
python3 - "$OUT" <<'PY'
import json, sys, statistics, collections
rows = collections.defaultdict(lambda: collections.defaultdict(list))
order = []
for line in open(sys.argv[1]):
    label, work, js = line.split(" ", 2)
    d = json.loads(js)
    if label not in order: order.append(label)
    if d["msgs_per_s"] > 0 and d["server_cpu_pct"] >= 0:
        rows[work][label].append((d["msgs_per_s"], d["server_cpu_pct"] / 100 / d["msgs_per_s"] * 1e6))
print("%-14s %-12s %10s %16s %20s" % ("workload", "server", "msgs/s", "server cpu/msg", "cpu vs " + order[0]))
for work, by in rows.items():
    ref = statistics.median(c for _, c in by[order[0]]) if by.get(order[0]) else None
    for label in order:
        v = by.get(label)
        if not v: continue
        rate = statistics.median(r for r, _ in v); cpu = statistics.median(c for _, c in v)
        spread = "%.1f-%.1f" % (min(c for _, c in v), max(c for _, c in v))
        print("%-14s %-12s %9.0fk %8.2f us (%s) %8s" % (work, label, rate / 1000, cpu, spread,
              "%.2fx" % (cpu / ref) if ref else "-"))
PY
