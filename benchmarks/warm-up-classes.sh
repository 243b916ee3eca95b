#!/usr/bin/env bash
# Regenerates fixture/src/main/resources/dev/wsfixture/internal/warm-up-classes.txt, the classes that
# WarmUp loads (without initialising them) on its own thread while a fresh JVM's first server starts:
# those of Undertow, XNIO, JBoss and wsfixture that the first handshake and echo load, taken from a
# class-load trace of one FirstServer run, from the moment the client starts (WsClient) to the reply
# (WebSocket07FrameSinkChannel$1). Run after `mvn -B -q -pl benchmarks -am package -DskipTests`, from
# the project root, whenever Undertow is upgraded; WarmUpTest fails on a listed class that is gone.
set -euo pipefail
JAR=benchmarks/target/benchmarks.jar
OUT=fixture/src/main/resources/dev/wsfixture/internal/warm-up-classes.txt
TRACE=$(mktemp)
trap 'rm -f "$TRACE"' EXIT
java -Dwsfixture.warmUp=false -Xlog:class+load:file="$TRACE" -cp "$JAR" dev.wsfixture.benchmarks.FirstServer wsfixture >/dev/null
{
  echo "# The classes of a fresh JVM's first WebSocket handshake and echo, which WarmUp loads ahead of"
  echo "# need. Made by benchmarks/warm-up-classes.sh from a class-load trace; one binary name a line."
  sed -n '/ dev\.wsfixture\.benchmarks\.WsClient /,/WebSocket07FrameSinkChannel\$1 /p' "$TRACE" \
    | awk '{print $2}' \
    | grep -E '^(io\.undertow|org\.xnio|org\.jboss|dev\.wsfixture)\.' \
    | grep -v -e '^dev\.wsfixture\.benchmarks\.' -e 'Lambda'
} >"$OUT"
echo "$(grep -vc '^#' "$OUT") classes in $OUT"
