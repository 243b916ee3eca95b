#!/usr/bin/env bash
# Over-the-wire figures that ../shared/bench/run.sh does not print: server RSS per idle connection (wsload conns)
# and exec -> first verified echo of the standalone server (wsload coldstart), for wsfixture's launcher
# (server/target/wsfixture-server), its jar started with plain `java -jar`, and the bare Undertow peer, measured
# in one run, interleaved. Uses the load generator and peers that run.sh builds (run it once first).
#
#   benchmarks/wire-extras.sh [CONNS]       (from the project root; CONNS defaults to 10000)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/wire-extras.sh 2000   (every server on that JVM; the
#                                           launcher has its archive only when the build ran on that JVM too)
#
# Loopback only; every server is started here and stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNS="${1:-10000}"
BUILD="${BENCH_BUILD:-../shared/bench/.build}"
[ -x "$BUILD/wsload" ] && [ -d "$BUILD/java/target/lib" ] || { echo "run ../shared/bench/run.sh once first (it builds $BUILD)" >&2; exit 2; }
JAR=server/target/wsfixture-server.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q -pl server -am package -DskipTests" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
LOG="$BUILD/wire-extras.log"; : >"$LOG"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
server_cmd() { # NAME PORT -> CMD
  case "$1" in
    launcher) CMD=(server/target/wsfixture-server --port "$2" --host 127.0.0.1 --quiet) ;;
    wsfixture) CMD=("$JAVA" -jar "$JAR" --port "$2" --host 127.0.0.1 --quiet) ;;
    undertow) CMD=("$JAVA" -cp "$BUILD/java/target/classes:$BUILD/java/target/lib/*" bench.peers.UndertowEcho "$2") ;;
  esac
}
run_server() { # NAME PORT -> SPID (the java process itself, for its RSS)
  server_cmd "$1" "$2"
  "${CMD[@]}" >>"$LOG" 2>&1 &
  SPID=$!
  for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$2") 2>/dev/null && return 0; sleep 0.05; done
  echo "$1 did not listen" >&2; return 1
}

echo "idle connections: $CONNS per server (server RSS growth / connections)"
for name in wsfixture undertow; do
  port=$(free_port); run_server "$name" "$port"
  "$BUILD/wsload" conns --url "ws://127.0.0.1:$port/" --conns "$CONNS" --hold 3 --pid "$SPID" 2>/dev/null \
    | grep '^JSON' | cut -c6- | python3 -c 'import json,sys;d=json.load(sys.stdin);print("%-10s opened %6d  rss %7d -> %7d KiB  %.1f KiB/conn  threads %d" % (sys.argv[1],d.get("opened",0),d["rss0_kb"],d["rss_kb"],d["kb_per_conn"],d["threads"]))' "$name"
  kill "$SPID"; wait "$SPID" 2>/dev/null || true
done

echo "standalone exec -> first echo (median of 7, interleaved; wsfixture = java -jar)"
NAMES=(undertow wsfixture launcher)
declare -A MS
for _ in 1 2 3 4 5 6 7; do
  for name in "${NAMES[@]}"; do
    port=$(free_port)
    server_cmd "$name" "$port"
    ms=$("$BUILD/wsload" coldstart --url "ws://127.0.0.1:$port/" --timeout 60 -- "${CMD[@]}" 2>/dev/null | grep '^JSON' | cut -c6- \
      | python3 -c 'import json,sys;print("%.0f" % json.load(sys.stdin)["first_echo_ms"])')
    MS[$name]="${MS[$name]:-} $ms"
  done
done
for name in "${NAMES[@]}"; do
  python3 -c 'import sys,statistics;v=[float(x) for x in sys.argv[3].split()];r=[float(x) for x in sys.argv[2].split()];print("%-10s %4.0f ms  %.2fx undertow  (runs: %s)" % (sys.argv[1],statistics.median(v),statistics.median(v)/statistics.median(r),sys.argv[3].strip()))' "$name" "${MS[undertow]}" "${MS[$name]}"
done
