#!/usr/bin/env python3
"""Bounded steady-rate soak of the real daemon, standard library only.

Sends --articles articles at --rate through one daemon (PUSH → PULL over loopback), samples the daemon's
RSS, open file descriptors and threads every 2 s, and checks after the run: every article arrived, RSS
growth after warm-up (the first 10 % of samples) at most --max-growth, and no descriptor or thread growth (the second half of the run stays within the first half's maximum).

Usage: scripts/soak-steady.py [--binary .build/release/enrichd] [--articles 1000000] [--rate 4000]
       [--enrichment]   (full enrichment; keep --rate below the daemon's capacity, ~700/s on 2 cores)
"""
import argparse, json, os, signal, socket, subprocess, sys, tempfile, threading, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample(pid):
    rss = threads = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    return rss, len(os.listdir(f"/proc/{pid}/fd")), threads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/enrichd")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--rate", type=float, default=4000)
    ap.add_argument("--enrichment", action="store_true")
    ap.add_argument("--max-growth", type=float, default=0.05)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="enrichd-steady-")
    feed, sink = free_port(), free_port()
    distinct = 1000
    lines = os.path.join(work, "articles.jsonl")
    body = "The harbor council met on Tuesday to discuss the budget for the new pier. " * 12
    with open(lines, "w") as f:
        for i in range(distinct):
            f.write(json.dumps({"id": f"s{i}", "source": "soak", "title": f"Council meeting {i}",
                                "body": f"Story {i}. " + body}) + "\n")
    daemon = subprocess.Popen(
        [args.binary, "run", "--input-mode", "connect", "--input-endpoints", f"tcp://127.0.0.1:{feed}",
         "--output-mode", "bind", "--output-endpoints", f"tcp://127.0.0.1:{sink}", "--http-enabled", "false",
         "--pipeline-enrichment", "true" if args.enrichment else "false", "--worker-name", "steady",
         "--log-level", "warning"], stderr=open(os.path.join(work, "daemon.log"), "w"))
    failures = []
    try:
        counter = subprocess.Popen(
            [args.binary, "tail", "--endpoint", f"tcp://127.0.0.1:{sink}", "--count", str(args.articles),
             "--idle-timeout", "30"], stdout=subprocess.PIPE)
        received = [0]
        reader = threading.Thread(target=lambda: received.__setitem__(0, sum(1 for _ in counter.stdout)))
        reader.start()
        repeats = (args.articles + distinct - 1) // distinct
        start = time.monotonic()
        producer = subprocess.Popen(
            [args.binary, "send", "--bind", "--endpoint", f"tcp://127.0.0.1:{feed}", "--rate", str(args.rate),
             "--repeats", str(repeats), "--count", str(args.articles), "--linger-ms", "30000", lines],
            stdout=subprocess.DEVNULL)
        samples = []
        while producer.poll() is None or counter.poll() is None:
            time.sleep(2)
            if daemon.poll() is not None:
                failures.append(f"daemon exited {daemon.returncode} mid-run")
                break
            samples.append(sample(daemon.pid))
            if time.monotonic() - start > args.articles / args.rate * 3 + 120:
                failures.append("run did not finish in time")
                break
        reader.join(timeout=60)
        if len(samples) < 4:
            raise SystemExit("FAIL: the run was too short to sample (%d samples)" % len(samples))
        elapsed = time.monotonic() - start
        warm = samples[max(1, len(samples) // 10)]
        last = samples[-1]
        peak = max(s[0] for s in samples)
        growth = (last[0] - warm[0]) / warm[0]
        print(f"steady soak: {args.articles} articles at {args.rate:.0f}/s "
              f"({'enrichment' if args.enrichment else 'pass-through'}), {elapsed:.0f} s: received {received[0]}; "
              f"RSS after warm-up {warm[0]:.1f} MiB, last {last[0]:.1f}, peak {peak:.1f} (growth {growth * 100:+.1f} %); "
              f"fds {warm[1]} -> {last[1]} (max {max(s[1] for s in samples)}); "
              f"threads {warm[2]} -> {last[2]} (max {max(s[2] for s in samples)})")
        if received[0] != args.articles:
            failures.append("articles missing")
        if growth > args.max_growth:
            failures.append("RSS growth over the limit")
        # A leak grows without bound: the second half of the run may not exceed what the first half reached
        # (the runtimes start a worker thread or descriptor lazily now and then).
        begin, middle = max(1, len(samples) // 10), len(samples) // 2
        for column, name in ((1, "descriptors"), (2, "threads")):
            first_half = max(s[column] for s in samples[begin:middle])
            second_half = max(s[column] for s in samples[middle:])
            if second_half > first_half:
                failures.append(f"{name} grew: {first_half} in the first half, {second_half} in the second")
    finally:
        for proc in [p for p in (locals().get("producer"), locals().get("counter")) if p] + [daemon]:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        print(f"daemon exit status {daemon.returncode}; logs in {work}")
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
