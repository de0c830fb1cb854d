#!/usr/bin/env python3
"""Hosts in network namespaces: a ventilator, two worker hosts and a sink on one virtual switch.

Creates namespaces enr-vent, enr-w1, enr-w2, enr-sink and a bridge in enr-sw (veth pairs, 10.77.0.0/24),
runs `enrichd send --bind` on the ventilator, one `enrichd run` per worker host (PULL connect, PUSH
connect) and `enrichd tail --bind` on the sink, cuts worker 1's link for --cut seconds mid-stream and
restores it, then checks that every article reached the sink exactly once. Everything it creates is
removed at the end; only processes it started are signalled. Needs root and iproute2.

Usage: scripts/soak-netns.py [--binary .build/release/enrichd] [--articles 6000] [--rate 200] [--cut 10]
"""
import argparse, json, os, signal, subprocess, sys, tempfile, time

HOSTS = {"enr-vent": 11, "enr-w1": 12, "enr-w2": 13, "enr-sink": 14}


def sh(*cmd, check=True):
    return subprocess.run(list(cmd), check=check, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def in_ns(ns, *cmd):
    return ["ip", "netns", "exec", ns, *cmd]


def setup():
    sh("ip", "netns", "add", "enr-sw")
    sh(*in_ns("enr-sw", "ip", "link", "add", "enr-br", "type", "bridge"))
    sh(*in_ns("enr-sw", "ip", "link", "set", "enr-br", "up"))
    for ns, octet in HOSTS.items():
        short = ns.split("-")[1]
        sh("ip", "netns", "add", ns)
        sh("ip", "link", "add", f"sw-{short}", "type", "veth", "peer", "name", f"h-{short}")
        sh("ip", "link", "set", f"sw-{short}", "netns", "enr-sw")
        sh("ip", "link", "set", f"h-{short}", "netns", ns)
        sh(*in_ns("enr-sw", "ip", "link", "set", f"sw-{short}", "master", "enr-br"))
        sh(*in_ns("enr-sw", "ip", "link", "set", f"sw-{short}", "up"))
        sh(*in_ns(ns, "ip", "addr", "add", f"10.77.0.{octet}/24", "dev", f"h-{short}"))
        sh(*in_ns(ns, "ip", "link", "set", f"h-{short}", "up"))
        sh(*in_ns(ns, "ip", "link", "set", "lo", "up"))


def teardown():
    for ns in list(HOSTS) + ["enr-sw"]:
        sh("ip", "netns", "del", ns, check=False)
    for ns in HOSTS:  # a pair left in the root namespace by an interrupted set-up
        sh("ip", "link", "del", f"sw-{ns.split('-')[1]}", check=False)


def main():
    # A CI timeout's SIGTERM still runs the clean-up in `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/enrichd")
    ap.add_argument("--articles", type=int, default=6000)
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--cut", type=float, default=10)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="enrichd-netns-")
    lines = os.path.join(work, "articles.jsonl")
    with open(lines, "w") as f:
        for i in range(args.articles):
            f.write(json.dumps({"id": f"n{i}", "source": "netns", "title": f"Story {i}",
                                "body": f"Story {i}. The harbor council met on Tuesday to discuss the budget."}) + "\n")
    teardown()
    procs, failures = [], []
    try:
        setup()
        out = os.path.join(work, "sink.jsonl")
        sink = subprocess.Popen(in_ns("enr-sink", binary, "tail", "--bind", "--endpoint", "tcp://10.77.0.14:5558",
                                      "--count", str(args.articles), "--idle-timeout", "40"), stdout=open(out, "w"))
        procs.append(sink)
        for ns in ("enr-w1", "enr-w2"):
            procs.append(subprocess.Popen(
                in_ns(ns, binary, "run", "--input-mode", "connect", "--input-endpoints", "tcp://10.77.0.11:5557",
                      "--output-mode", "connect", "--output-endpoints", "tcp://10.77.0.14:5558",
                      "--http-enabled", "false", "--worker-name", ns, "--log-level", "notice"),
                stderr=open(os.path.join(work, f"{ns}.log"), "w")))
        time.sleep(1)
        vent = subprocess.Popen(in_ns("enr-vent", binary, "send", "--bind", "--endpoint", "tcp://10.77.0.11:5557",
                                      "--rate", str(args.rate), "--linger-ms", "60000", lines),
                                stdout=subprocess.DEVNULL)
        procs.append(vent)
        time.sleep(min(8, args.articles / args.rate / 4))
        sh(*in_ns("enr-sw", "ip", "link", "set", "sw-w1", "down"))
        time.sleep(args.cut)
        sh(*in_ns("enr-sw", "ip", "link", "set", "sw-w1", "up"))
        vent.wait(timeout=args.articles / args.rate + 120)
        sink.wait(timeout=120)
        records = [json.loads(l) for l in open(out) if l.strip()]
        ids = [r.get("id") for r in records]
        by_worker = {}
        for r in records:
            by_worker[r.get("worker")] = by_worker.get(r.get("worker"), 0) + 1
        missing = args.articles - len(set(ids))
        print(f"netns: {args.articles} articles at {args.rate:.0f}/s, worker 1's link cut for {args.cut:.0f} s: "
              f"received {len(ids)}, missing {missing}, duplicates {len(ids) - len(set(ids))}, per worker {by_worker}")
        if missing or len(ids) != len(set(ids)):
            failures.append("articles lost or duplicated")
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        teardown()
        print(f"logs in {work}")
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
