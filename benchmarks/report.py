#!/usr/bin/env python3
"""Prints the figures table (markdown) from the files benchmarks/run-all.sh writes into DIR."""
import json, os, re, sys

d = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/results"
rows = []

def add(what, subject, peers, goal):
    rows.append(f"| {what} | {subject} | {peers} | {goal} |")

def jmh():
    path = os.path.join(d, "jmh.json")
    return json.load(open(path)) if os.path.exists(path) else []

results = jmh()
def find(name, **params):
    for r in results:
        if r["benchmark"].endswith(name) and all(r.get("params", {}).get(k) == v for k, v in params.items()):
            return r
    return None

def p50(r):
    return r["primaryMetric"]["scorePercentiles"]["50.0"]

start = {p: find("StartStopBenchmark.startFirstEchoStop", peer=p) for p in ["wsfixture", "mockwebserver", "undertow", "wiremock"]}
if start["wsfixture"]:
    s = start["wsfixture"]; m = s["primaryMetric"]
    peers = ", ".join(f"{p} {p50(start[p]):.2f} ms ({p50(s) / p50(start[p]):.2f}x)" for p in ["mockwebserver", "undertow", "wiremock"] if start[p])
    add("warm start → first echo → stop, in-JVM (JMH p50; mean ± 99.9% error)",
        f"{p50(s):.2f} ms; {m['score']:.2f} ± {m['scoreError']:.2f} ms", peers, "≤ 1.0x MockWebServer")

cold = {}
if os.path.exists(os.path.join(d, "cold.txt")):
    for line in open(os.path.join(d, "cold.txt")):
        if line.startswith("JSON "):
            j = json.loads(line[5:]); cold[j["server"]] = j
if "wsfixture" in cold:
    w = cold["wsfixture"]["main_first_ms"]
    peers = ", ".join(f"{p} {cold[p]['main_first_ms']:.0f} ms ({w / cold[p]['main_first_ms']:.2f}x)" for p in ["mockwebserver", "undertow", "wiremock"] if p in cold)
    jvm = cold.get("none", {}).get("exec_first_ms")
    add("first server in a fresh JVM: main → first echo (median of %d processes)" % cold["wsfixture"]["runs"],
        f"{w:.0f} ms (exec → echo {cold['wsfixture']['exec_first_ms']:.0f} ms; an empty JVM {jvm:.0f} ms)" if jvm else f"{w:.0f} ms",
        peers, "≤ 0.5x bare Undertow")

for name, label in [("ResetBenchmark.reset", "reset() of a class-scoped server (JMH p50)"),
                    ("ResetBenchmark.registerThenReset", "register a session + reset() (JMH p50)")]:
    r = find(name)
    if r:
        add(label, f"{p50(r):.2f} µs (mean {r['primaryMetric']['score']:.2f} ± {r['primaryMetric']['scoreError']:.2f} µs)", "-", "≤ 50 µs")

for size, label in [("32", "32 B text"), ("65536", "64 KiB binary")]:
    on, off = find("JournalLoadBenchmark.echo", journal="true", size=size), find("JournalLoadBenchmark.echo", journal="false", size=size)
    if on and off:
        a, b = on["primaryMetric"], off["primaryMetric"]
        add(f"journal on vs off, {label}, 4 connections × 8 in flight (JMH msgs/s)",
            f"on {a['score']:.0f} ± {a['scoreError']:.0f}, off {b['score']:.0f} ± {b['scoreError']:.0f}: **{a['score'] / b['score']:.2f}x**", "-", "≥ 0.8x")

wire = {}
if os.path.exists(os.path.join(d, "wire.tsv")):
    for line in open(os.path.join(d, "wire.tsv")):
        f = line.rstrip("\n").split("\t")
        if len(f) == 5:
            wire.setdefault(f[1], {})[f[0]] = (float(f[2]), float(f[3]), float(f[4]))
names = {"undertow": "bare Undertow", "node-ws": "node ws", "mockwebserver": "MockWebServer", "python-websockets": "python websockets"}
for label, what, goal in [("small-1conn-lat", "latency, 32 B, 1 connection × 1 (p50 / p99)", "p50, p99 ≤ 1.0x bare Undertow"),
                          ("small-16conn", "echo msgs/s, 32 B, 16 connections × 8", "≥ 1.0x Undertow, ≥ 1.5x node ws"),
                          ("small-256conn", "echo msgs/s, 32 B, 256 connections × 2", "≥ 1.0x bare Undertow"),
                          ("64KiB-4conn", "echo msgs/s, 64 KiB binary, 4 connections × 2", "≥ 1.0x node ws")]:
    w = wire.get(label, {})
    if "subject" not in w:
        continue
    s = w["subject"]
    if label == "small-1conn-lat":
        peers = ", ".join(f"{names.get(p, p)} {v[1]:.0f} / {v[2]:.0f} µs ({s[1] / v[1]:.2f}x / {s[2] / v[2]:.2f}x)" for p, v in w.items() if p != "subject" and v[1])
        add(what + " over the wire", f"{s[1]:.0f} / {s[2]:.0f} µs", peers, goal)
    else:
        peers = ", ".join(f"{names.get(p, p)} {v[0] / 1000:.1f}k ({s[0] / v[0]:.2f}x)" for p, v in w.items() if p != "subject" and v[0])
        add(what + " over the wire", f"{s[0] / 1000:.1f}k", peers, goal)

if os.path.exists(os.path.join(d, "extras.txt")):
    text = open(os.path.join(d, "extras.txt")).read()
    kb = dict(re.findall(r"^(\w+)\s+opened\s+\d+.*?([\d.]+) KiB/conn", text, re.M))
    opened = dict(re.findall(r"^(\w+)\s+opened\s+(\d+)", text, re.M))
    if "wsfixture" in kb and "undertow" in kb:
        add(f"idle connections: server RSS per connection ({opened.get('wsfixture')} open)", f"{kb['wsfixture']} KiB",
            f"bare Undertow {kb['undertow']} KiB ({float(kb['wsfixture']) / float(kb['undertow']):.2f}x)", "≤ 1.2x bare Undertow")
    cs = dict(re.findall(r"^(\w+)\s+(\d+) ms \(runs", text, re.M))
    if "wsfixture" in cs:
        peer = f"bare Undertow {cs['undertow']} ms ({int(cs['wsfixture']) / int(cs['undertow']):.2f}x)" if "undertow" in cs else "-"
        add("standalone jar exec → first echo (median of 5)", f"{cs['wsfixture']} ms", peer, "≤ 1.0 s")

if os.path.exists(os.path.join(d, "image.txt")):
    starts = dict(re.findall(r"^\S+\s+(published, after run|published, from exec|host network)\s+median\s+(\d+) ms", open(os.path.join(d, "image.txt")).read(), re.M))
    if "published, after run" in starts:
        add("docker run → first echo (median of 5): port published, client starts once `docker run -d` returned",
            f"{starts['published, after run']} ms", f"host network {starts.get('host network', '-')} ms; client connecting from exec {starts.get('published, from exec', '-')} ms (Docker's proxy, see below)", "≤ 1.0 s")

print("| what | wsfixture | peers (wsfixture ÷ peer) | goal |")
print("|---|---|---|---|")
print("\n".join(rows))
if os.path.exists(os.path.join(d, "machine.txt")):
    print("\nMachine: " + "; ".join(l.strip() for l in open(os.path.join(d, "machine.txt")) if l.strip()))
