#!/usr/bin/env python3
"""docker run -> first echo of the wsfixture image, measured three ways, images interleaved.

    benchmarks/image-start.py [--runs 5] [IMAGE ...]      (default: wsfixture/server:latest)

For each image and run it starts a container and times, from the moment `docker run` is executed,
the first verified echo of a WebSocket text message (handshake, masked frame, "Echo: " reply):

  published, after run   -p 127.0.0.1:PORT:8765, the client starts once `docker run -d` returned
                         (what Testcontainers and most scripts do: start, then connect)
  published, from exec   the same port, the client starts connecting at once; Docker's userland
                         proxy accepts before the container's network is up, and its first connect
                         to the container then waits for a TCP SYN retransmission (~1 s, whatever
                         the image); shown so that the two are not confused
  host network           --network host: no proxy, no bridge; the image's own start

Prints the median and the range of each, in milliseconds. Needs a Docker engine and the images.

    --floor IMAGE   also times IMAGE, a minimal echo server that takes only `--port` (Docker's floor:
                    the C `wsload serve` in a scratch image, built by benchmarks/docker-floor/build.sh),
                    interleaved with the others, and prints each image's ratio to it
"""
import argparse
import base64
import os
import socket
import statistics
import subprocess
import time

PORT = 18765


def echo_once(port, deadline):
    """Tries until `deadline` to get one echo; returns True on success."""
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                key = base64.b64encode(os.urandom(16)).decode()
                s.sendall(
                    (
                        "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n" % key
                    ).encode()
                )
                if not s.recv(4096).startswith(b"HTTP/1.1 101"):
                    raise OSError("no 101")
                mask, payload = os.urandom(4), b"hi"
                masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
                s.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + masked)
                reply = s.recv(64)
                if reply[2:] != b"Echo: hi":
                    raise OSError("unexpected reply %r" % reply)
                return True
        except OSError:
            time.sleep(0.005)
    return False


def measure(image, mode, floor=False):
    start = time.monotonic()
    if mode == "host network":
        args = ["--network", "host", image, "--port", str(PORT)]
        args += [] if floor else ["--host", "127.0.0.1"]
    else:
        args = ["-p", "127.0.0.1:%d:8765" % PORT, image]
    args += [] if floor else ["--quiet"]
    if mode == "published, after run":
        container = subprocess.check_output(["docker", "run", "-d", "--rm"] + args)
        container = container.decode().strip()
    else:
        process = subprocess.Popen(["docker", "run", "-d", "--rm"] + args, stdout=subprocess.PIPE)
    ok = echo_once(PORT, start + 30)
    elapsed = (time.monotonic() - start) * 1000
    if mode != "published, after run":
        container = process.communicate()[0].decode().strip()
    subprocess.run(["docker", "rm", "-f", container], capture_output=True)
    if not ok:
        raise SystemExit("%s (%s): no echo within 30 s" % (image, mode))
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--floor", metavar="IMAGE")
    parser.add_argument("images", nargs="*", default=["wsfixture/server:latest"])
    options = parser.parse_args()
    modes = ["published, after run", "published, from exec", "host network"]
    images = options.images + ([options.floor] if options.floor else [])
    results = {(image, mode): [] for image in images for mode in modes}
    for _ in range(options.runs):
        for mode in modes:
            for image in images:
                results[(image, mode)].append(measure(image, mode, image == options.floor))
    for (image, mode), times in results.items():
        median = statistics.median(times)
        ratio = ""
        if options.floor and image != options.floor:
            ratio = "  %.2fx floor" % (median / statistics.median(results[(options.floor, mode)]))
        print(
            "%-32s %-22s median %5.0f ms  (%.0f-%.0f, %d runs)%s"
            % (image, mode, median, min(times), max(times), len(times), ratio)
        )


if __name__ == "__main__":
    main()
