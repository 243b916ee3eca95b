#!/usr/bin/env bash
# Puts the launcher (wsfixture-server, beside this file) next to the standalone jar and trains its
# class-data archive: CdsTraining starts the server on a free loopback port, asks for its health,
# echoes a text and a binary message and exits, while the JVM writes what it loaded. On JDK 25+
# that is an AOT cache (JEP 483/514: classes loaded and linked), before that a dynamic CDS archive
# (classes loaded). The archive is only good for the JVM that wrote it: its path is written beside
# it, for the launcher to check. Maven runs this at `package` (server/pom.xml).
#
#   build-launcher.sh --jar target/wsfixture-server.jar --java-home DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="" java_home="${JAVA_HOME:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --java-home) java_home="$2"; shift 2 ;;
    *) echo "build-launcher.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "build-launcher.sh: no server jar at '$jar'" >&2; exit 2; }
out="$(cd "$(dirname "$jar")" && pwd)"
java="$java_home/bin/java"
[ -x "$java" ] || { echo "build-launcher.sh: no java under --java-home '$java_home'" >&2; exit 2; }

install -m 755 "$here/wsfixture-server" "$out/wsfixture-server"
rm -f "$out/wsfixture-server.jsa" "$out/wsfixture-server.aot" "$out/wsfixture-server.archive-jvm"

feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature%%.*}" -ge 25 ] 2>/dev/null; then
  archive="$out/wsfixture-server.aot"; record=(-XX:AOTCacheOutput="$archive")
else
  archive="$out/wsfixture-server.jsa"; record=(-XX:ArchiveClassesAtExit="$archive")
fi
log="$out/wsfixture-server.archive.log"
# The same collector as the launcher's: an archive records the settings it was made with.
if "$java" "${record[@]}" -XX:+UseParallelGC -cp "$jar" dev.wsfixture.server.internal.cli.CdsTraining >"$log" 2>&1 \
    && [ -s "$archive" ]; then
  readlink -f "$java" > "$out/wsfixture-server.archive-jvm"
  echo "[wsfixture launcher] $out/wsfixture-server, with $(basename "$archive") ($(( $(wc -c < "$archive") / 1048576 )) MiB) for $(readlink -f "$java")"
else
  rm -f "$archive"
  echo "[wsfixture launcher] the class-data archive could not be made (see $log); the launcher starts the server without it"
fi
