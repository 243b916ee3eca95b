#!/usr/bin/env bash
# Runs every benchmark of this module one after the other and writes the figures table (markdown) that
# benchmarks/README.md shows. About 20 minutes; run nothing else heavy meanwhile.
#
#   benchmarks/run-all.sh [OUTDIR]        (from the project root; OUTDIR defaults to benchmarks/target/results)
#
# Needs ../shared/bench (the side-by-side harness) for the over-the-wire part; skips that part without it.
# Times the Docker image's start (benchmarks/image-start.py) when wsfixture/server:latest exists.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-benchmarks/target/results}"; mkdir -p "$OUT"
mvn -B -q -pl benchmarks -am package -DskipTests
cp benchmarks/target/benchmarks.jar server/target/wsfixture-server.jar "$OUT/"
{ echo "nproc: $(nproc)"; java -version 2>&1 | head -1; grep -m1 'model name' /proc/cpuinfo; echo "start: $(date -u) $(uptime)"; } >"$OUT/machine.txt"
java -jar "$OUT/benchmarks.jar" -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.txt" 2>&1
java -cp "$OUT/benchmarks.jar" dev.wsfixture.benchmarks.ColdStart --runs 10 >"$OUT/cold.txt" 2>&1
if [ -x ../shared/bench/run.sh ]; then
  BUILD="${BENCH_BUILD:-../shared/bench/.build}"
  ../shared/bench/run.sh -- java -jar "$OUT/wsfixture-server.jar" --port {PORT} --host 127.0.0.1 --quiet >"$OUT/wire.txt" 2>&1
  cp "$BUILD/results.tsv" "$OUT/wire.tsv" 2>/dev/null || cp /tmp/wsfixture-bench/results.tsv "$OUT/wire.tsv"
  benchmarks/wire-extras.sh 10000 >"$OUT/extras.txt" 2>&1
fi
if docker image inspect wsfixture/server:latest >/dev/null 2>&1; then
  benchmarks/image-start.py --runs 5 wsfixture/server:latest >"$OUT/image.txt" 2>&1
fi
echo "end: $(date -u) $(uptime)" >>"$OUT/machine.txt"
python3 benchmarks/report.py "$OUT" | tee "$OUT/table.md"
