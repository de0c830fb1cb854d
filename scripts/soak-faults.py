#!/usr/bin/env python3
"""Bounded fault soak for the real daemon (issue: prove it), standard library only.

Scenario 1, downstream absent: the sink (PULL) is missing for --sink-absent seconds while a producer
sends at --rate; the daemon's RSS is sampled every second; then the sink comes back. Passes when every
article sent arrives exactly once and the peak RSS stays under --rss-limit-mib.

Scenario 2, producer restart: a producer is SIGKILLed mid-stream and a new one binds the same endpoint;
the daemon reconnects (backoff) and every article of the second producer arrives exactly once.

Usage: scripts/soak-faults.py [--binary .build/release/enrichd] [--sink-absent 60] [--rate 300]
Prints its figures and exits 1 on any failure. Only processes it started are signalled, by PID.
"""
import argparse, json, os, signal, socket, subprocess, sys, tempfile, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_envelopes(path, prefix, count):
    body = "The harbor council met on Tuesday to discuss the budget. " * 16
    with open(path, "w") as f:
        for i in range(count):
            f.write(json.dumps({"id": f"{prefix}{i}", "source": "soak", "title": f"Soak {i}", "body": body}) + "\n")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def ids_in(path):
    ids = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                ids.append(json.loads(line).get("id"))
    return ids


def stop(proc, timeout=30):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/enrichd")
    ap.add_argument("--sink-absent", type=float, default=60)
    ap.add_argument("--rate", type=float, default=300)
    ap.add_argument("--rss-limit-mib", type=float, default=256)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="enrichd-soak-")
    feed, sink, http = free_port(), free_port(), free_port()
    failures = []
    children = []  # every process started here, stopped in `finally`

    daemon = subprocess.Popen(
        [args.binary, "run", "--input-mode", "connect", "--input-endpoints", f"tcp://127.0.0.1:{feed}",
         "--input-reconnect-interval-ms", "100", "--input-reconnect-interval-max-ms", "2000",
         "--output-mode", "bind", "--output-endpoints", f"tcp://127.0.0.1:{sink}",
         "--http-port", str(http), "--worker-name", "soak", "--log-level", "notice"],
        stderr=open(os.path.join(work, "daemon.log"), "w"))
    try:
        # Scenario 1: downstream absent under load.
        total = int(args.rate * (args.sink_absent + 20))
        first = os.path.join(work, "first.jsonl")
        write_envelopes(first, "s", total)
        producer = subprocess.Popen(
            [args.binary, "send", "--bind", "--endpoint", f"tcp://127.0.0.1:{feed}", "--rate", str(args.rate),
             "--linger-ms", "60000", first], stdout=subprocess.DEVNULL)
        children.append(producer)
        peak, samples = 0.0, []
        deadline = time.monotonic() + args.sink_absent
        while time.monotonic() < deadline:
            time.sleep(1)
            samples.append(rss_mib(daemon.pid))
            peak = max(peak, samples[-1])
        out1 = os.path.join(work, "out1.jsonl")
        tail = subprocess.Popen(
            [args.binary, "tail", "--endpoint", f"tcp://127.0.0.1:{sink}", "--count", str(total),
             "--idle-timeout", "30"], stdout=open(out1, "w"))
        children.append(tail)
        tail.wait(timeout=args.sink_absent + 300)
        producer.wait(timeout=120)
        got = ids_in(out1)
        dupes = len(got) - len(set(got))
        missing = total - len(set(got))
        print(f"downstream absent {args.sink_absent:.0f} s at {args.rate:.0f} msg/s: sent {total}, received "
              f"{len(got)}, missing {missing}, duplicates {dupes}; daemon RSS first/peak/last "
              f"{samples[0]:.0f}/{peak:.0f}/{samples[-1]:.0f} MiB (limit {args.rss_limit_mib:.0f})")
        if missing or dupes:
            failures.append("scenario 1: articles lost or duplicated")
        if peak > args.rss_limit_mib:
            failures.append("scenario 1: RSS over the limit")

        # Scenario 2: producer killed mid-stream and restarted on the same endpoint.
        tail = subprocess.Popen(
            [args.binary, "tail", "--endpoint", f"tcp://127.0.0.1:{sink}", "--idle-timeout", "15"],
            stdout=open(os.path.join(work, "out2.jsonl"), "w"))
        children.append(tail)
        killed = os.path.join(work, "killed.jsonl")
        write_envelopes(killed, "k", int(args.rate * 10))
        producer = subprocess.Popen(
            [args.binary, "send", "--bind", "--endpoint", f"tcp://127.0.0.1:{feed}", "--rate", str(args.rate),
             killed], stdout=subprocess.DEVNULL)
        children.append(producer)
        time.sleep(3)
        producer.kill()
        producer.wait()
        time.sleep(2)
        second = os.path.join(work, "second.jsonl")
        after = int(args.rate * 5)
        write_envelopes(second, "r", after)
        producer = subprocess.Popen(
            [args.binary, "send", "--bind", "--endpoint", f"tcp://127.0.0.1:{feed}", "--rate", str(args.rate),
             "--linger-ms", "30000", second], stdout=subprocess.DEVNULL)
        children.append(producer)
        producer.wait(timeout=120)
        tail.wait(timeout=120)
        got = ids_in(os.path.join(work, "out2.jsonl"))
        restarted = [i for i in got if i.startswith("r")]
        before = [i for i in got if i.startswith("k")]
        print(f"producer SIGKILLed after 3 s ({len(before)} of its articles arrived), restarted: sent {after}, "
              f"received {len(set(restarted))}, duplicates {len(restarted) - len(set(restarted))}")
        if len(set(restarted)) != after or len(restarted) != after:
            failures.append("scenario 2: articles after the restart lost or duplicated")
    finally:
        for child in children:
            stop(child, timeout=5)
        code = stop(daemon)
        print(f"daemon exit status {code}; logs in {work}")
        if code != 0:
            failures.append(f"daemon exited {code}")
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
