#!/usr/bin/env bash
# Builds wsfixture/docker-floor:latest, Docker's floor for `docker run` -> first echo: the C echo server of
# ../shared/bench (`wsload serve`) and the libraries ldd lists for it, FROM scratch. An image cannot start
# faster than this one; benchmarks/image-start.py --floor wsfixture/docker-floor:latest IMAGE... prints the
# ratio of each image to it, measured interleaved in the same sitting.
#
#   benchmarks/docker-floor/build.sh        (after ../shared/bench/run.sh has built wsload once)
set -euo pipefail
BUILD="${BENCH_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/bench/.build}"
[ -x "$BUILD/wsload" ] || { echo "no $BUILD/wsload: run ../shared/bench/run.sh once first (or set BENCH_BUILD)" >&2; exit 2; }
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$BUILD/wsload" "$ctx/wsload"
for lib in $(ldd "$BUILD/wsload" | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
  mkdir -p "$ctx$(dirname "$lib")" && cp -L "$lib" "$ctx$lib"
done
cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY . /
ENV WSLOAD_BIND_ANY=1
EXPOSE 8765
ENTRYPOINT ["/wsload", "serve", "--port", "8765", "--prefix", "Echo: ", "--duration", "600"]
DOCKERFILE
docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0
log=$(docker build --quiet -t wsfixture/docker-floor:latest "$ctx" 2>&1) || { echo "$log" >&2; exit 1; }
echo "built wsfixture/docker-floor:latest ($(docker image inspect --format '{{.Size}}' wsfixture/docker-floor:latest) bytes)"
