#!/usr/bin/env python3
"""Rolling SIGTERM restarts of 3 workers under one upstream PUSH stream (issue 8, test 1), standard library only.

Topology on loopback: a ventilator (`enrichd send --bind`, PUSH) feeds --workers `enrichd run` workers
(PULL connect input, PUSH connect output and dead-letter); two sinks (`enrichd tail --bind`, PULL) collect
the output and the dead-letter records. --bad-share of the lines are invalid JSON, so both sinks count.
While the ventilator keeps sending at --rate, each worker is sent SIGTERM once, at staggered points of the
stream (1/4, 2/4, 3/4 with 3 workers), and started again as soon as it has exited (its graceful drain:
intake stops, what was received is published, output flushed for shutdown.lingerMs).

Checks: every id sent comes back exactly once, as an output record or (for the bad lines) a dead-letter
record; published + dead-lettered = sent; 0 duplicates; every drain exits 0. Reports per-worker counts,
each drain's duration and, for any loss, which restart it belongs to (send times estimated from the
neighbouring ids' `received_at`), whether the lost ids sat at the stopped worker's round-robin place, and
the workers' own accepted counts (sent - accepted = lost before a worker read them).

--broker puts `enrichd broker` between the ventilator and the workers (PULL frontend, ROUTER backend), and the
workers use the credit-based `input.type: dealer`: a stopping worker tells the broker first and leaves nothing
in flight, so this run must lose nothing. Without it the workers PULL straight from the ventilator's PUSH.

--strace DIR runs the ventilator and the workers under strace (socket calls only) and then says, for each
lost id, where it was when it was lost: still in the ventilator's libzmq queue, read by the stopped
worker's libzmq but not yet taken by the daemon, unread in its TCP receive buffer, or written after the
worker had closed the connection. Tracing slows the processes: use a lower --rate and fewer --articles.

Usage: scripts/soak-restarts.py [--binary .build/release/enrichd] [--articles 100000] [--rate 3000]
       [--broker] [--enrichment] [--input-hwm 1000] [--timeout 600] [--strace DIR]
Prints its figures last and exits 1 on any failure. Only processes it started are signalled, by PID.
"""
import argparse, json, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time
from datetime import datetime

BODY = ("The harbor council met on Tuesday to discuss the budget for the new pier. Mayor Ellen Brooks said the "
        "city would ask the state for help with the dredging, which engineers put at 4.2 million dollars. ") * 5
ID = re.compile(r'"id": ?"(r\d+)"')  # the id inside a dead-letter record's payload
TRACE_CALL = re.compile(r"^(\d+)\s+([\d.]+)\s+(sendto|recvfrom|close)\((\d+)(.*)$")
TRACE_ID = re.compile(r'\\"id\\": \\"(r\d+)\\"')  # input lines (json.dumps spacing), not output records


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_articles(path, count, bad_every):
    bad = 0
    with open(path, "w") as f:
        for i in range(count):
            if bad_every and i % bad_every == bad_every // 2:
                f.write('{"id": "r%d", "title": broken json\n' % i)  # dead-lettered invalid_json
                bad += 1
            else:
                f.write(json.dumps({"id": f"r{i}", "source": "soak", "title": f"Council meeting {i}",
                                    "body": f"Story {i}. " + BODY}) + "\n")
    return bad


def wall(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def spawn(cmd, trace=None, **kw):
    """Starts cmd, under strace writing to `trace` when given (the process to signal is then strace's child)."""
    if trace:
        cmd = ["strace", "-f", "--seccomp-bpf", "-qq", "-ttt", "-s", "9000",
               "-e", "trace=sendto,recvfrom,close", "-o", trace] + cmd
    proc = subprocess.Popen(cmd, **kw)
    proc.traced = bool(trace)
    return proc


def target(proc):
    """The PID to signal: the process itself, or the one strace started."""
    if not proc.traced:
        return proc.pid
    for _ in range(500):
        try:
            with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
                children = f.read().split()
            if children:
                return int(children[0])
        except OSError:
            pass
        if proc.poll() is not None:
            return None
        time.sleep(0.01)
    return None


def send_signal(proc, sig):
    pid = target(proc)
    if pid is not None and proc.poll() is None:
        os.kill(pid, sig)


def stop(proc, timeout=30):
    if proc.poll() is None:
        send_signal(proc, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            send_signal(proc, signal.SIGKILL)
            proc.kill()
            proc.wait()
    return proc.returncode


class LineCounter:
    """Counts the lines of a file that is still being written, reading only what is new."""

    def __init__(self, path):
        self.path, self.offset, self.lines = path, 0, 0

    def count(self):
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            chunk = f.read()
        self.offset += len(chunk)
        self.lines += chunk.count(b"\n")
        return self.lines


class Worker:
    """One `enrichd run` instance; its stderr is read by a thread that stamps each line with the wall time."""

    def __init__(self, args, slot, generation, feed, out, dead, work):
        self.slot, self.name = slot, f"w{slot}.{generation}"
        self.events, self.accepted, self.signalled, self.exited, self.at = {}, None, None, None, None
        self.trace = os.path.join(args.strace, f"{self.name}.trace") if args.strace else None
        self.log = open(os.path.join(work, f"{self.name}.log"), "w")
        self.proc = spawn(
            [args.binary, "run", "--input-type", "dealer" if args.broker else "pull",
             "--input-mode", "connect", "--input-endpoints", feed,
             "--input-high-water-mark", str(args.input_hwm),
             "--input-reconnect-interval-ms", "100", "--input-reconnect-interval-max-ms", "1000",
             "--output-mode", "connect", "--output-endpoints", out,
             "--dead-letter-enabled", "true", "--dead-letter-mode", "connect", "--dead-letter-endpoints", dead,
             "--pipeline-enrichment", "true" if args.enrichment else "false",
             "--shutdown-drain-timeout-ms", str(args.drain_timeout_ms), "--shutdown-linger-ms", str(args.linger_ms),
             "--http-enabled", "false", "--worker-name", self.name, "--log-level", "info"],
            self.trace, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stderr:
            now = time.time()
            line = raw.decode(errors="replace").rstrip("\n")
            self.log.write(f"{now:.3f} {line}\n")
            words = line.split()
            key = words[2] if len(words) > 2 else line
            if key == "zmq.socket_event":
                fields = dict(w.split("=", 1) for w in words[3:] if "=" in w)
                key = f"{fields.get('zmq.socket')}.{fields.get('zmq.event')}"
            self.events.setdefault(key, now)
            m = re.search(r"daemon\.stopped pipeline\.accepted=(\d+)", line)
            if m:
                self.accepted = int(m.group(1))
        self.log.close()


def read_trace(path):
    """(time, call, fd, input ids in the buffer, result) for each traced call."""
    calls = []
    with open(path, errors="replace") as f:
        for line in f:
            m = TRACE_CALL.match(line)
            if m:
                rest = m.group(5)
                calls.append((float(m.group(2)), m.group(3), int(m.group(4)),
                              TRACE_ID.findall(rest) if m.group(3) != "close" else [], rest[-40:]))
    return calls


def locate(vent_trace, instances, missing, workers):
    """Where each missing id was when it was lost, from the strace logs of the ventilator and the workers.

    Returns {instance name or None: {kind: [ids]}} and {instance name: (input closed, ventilator saw it go)}.
    """
    sent, segment, votes, gone = {}, {}, {}, {}
    for t, call, fd, ids, res in read_trace(vent_trace):
        key = (fd, segment.get(fd, 0))
        if call == "sendto":
            for i in ids:
                sent.setdefault(i, (t, key))
        elif call == "close":
            segment[fd] = key[1] + 1  # the descriptor may be reused by the next connection
        elif call == "recvfrom" and ("ECONNRESET" in res or res.rstrip(")").endswith("= 0")):
            gone.setdefault(key, t)
    reads, closed = {}, {}
    for w in instances:
        calls = read_trace(w.trace)
        mine = {}
        for t, call, fd, ids, _ in calls:
            if call == "recvfrom":
                for i in ids:
                    mine.setdefault(i, (t, fd))
        if not mine:
            continue
        in_fd = max(mine.values())[1]
        last_read = max(t for t, fd in mine.values() if fd == in_fd)
        closed[w.name] = next((t for t, call, fd, _, _ in calls if call == "close" and fd == in_fd and t >= last_read),
                              None)
        for i in mine:
            reads[i] = w.name
            if i in sent:
                votes.setdefault(sent[i][1], {}).setdefault(w.name, 0)
                votes[sent[i][1]][w.name] += 1
    owner = {key: max(v, key=v.get) for key, v in votes.items()}  # ventilator connection -> worker instance
    found = {}
    for rid in missing:
        if rid not in sent:
            # Round robin: the id `workers` places earlier went to the same peer (while no pipe changed).
            earlier = next((sent[f"r{int(rid[1:]) - k * workers}"] for k in range(1, 6)
                            if f"r{int(rid[1:]) - k * workers}" in sent), None)
            name = owner.get(earlier[1]) if earlier else None
            kind = "never written by the ventilator: in its libzmq queue for that peer, dropped with the pipe"
        else:
            t, key = sent[rid]
            name = owner.get(key)
            if rid in reads:
                name = reads[rid]
                kind = "read from TCP by the worker's libzmq, not yet taken by the daemon (its receive queue)"
            elif name and closed.get(name) and t < closed[name]:
                kind = "written before the worker closed the connection, unread in the TCP buffers"
            else:
                kind = "written after the worker closed the connection, before the ventilator saw the reset"
        found.setdefault(name, {}).setdefault(kind, []).append(rid)
    times = {w.name: (closed.get(w.name), next((gone[k] for k, n in owner.items() if n == w.name and k in gone), None))
             for w in instances}
    return found, times


def main():
    # A CI timeout's SIGTERM still runs the clean-up in `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/enrichd")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--rate", type=float, default=3000)
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--bad-share", type=float, default=0.01, help="share of invalid-JSON lines")
    ap.add_argument("--broker", action="store_true", help="workers take work from `enrichd broker` (DEALER input)")
    ap.add_argument("--enrichment", action="store_true", help="full enrichment (keep --rate near 400)")
    ap.add_argument("--input-hwm", type=int, default=1000, help="each worker's input.highWaterMark")
    ap.add_argument("--drain-timeout-ms", type=int, default=20000)
    ap.add_argument("--linger-ms", type=int, default=2000)
    ap.add_argument("--settle", type=float, default=10, help="seconds without a record before the sinks stop")
    ap.add_argument("--timeout", type=float, default=0, help="hard limit in seconds (0 = 3 x stream + 120)")
    ap.add_argument("--strace", metavar="DIR", help="trace socket calls into DIR and say where lost ids were")
    args = ap.parse_args()
    args.binary = os.path.abspath(args.binary)
    if args.strace:
        if not shutil.which("strace"):
            raise SystemExit("FAIL: --strace needs strace (apt-get install strace)")
        os.makedirs(args.strace, exist_ok=True)
    stream = args.articles / args.rate
    hard_limit = args.timeout or stream * 3 + 120
    work = tempfile.mkdtemp(prefix="enrichd-restarts-")
    bad_every = round(1 / args.bad_share) if args.bad_share > 0 else 0
    lines = os.path.join(work, "articles.jsonl")
    bad = write_articles(lines, args.articles, bad_every)
    good = args.articles - bad
    feed, out, dead = (f"tcp://127.0.0.1:{free_port()}" for _ in range(3))
    out_file, dead_file = os.path.join(work, "out.jsonl"), os.path.join(work, "deadletter.jsonl")
    vent_trace = os.path.join(args.strace, "send.trace") if args.strace else None
    children, failures, workers, retired, restarts = [], [], [], [], []
    started = time.monotonic()
    try:
        # No idle timeout in the sinks (an enrichment worker takes seconds to load its models): they stop at
        # their count, or the script stops them once nothing arrived for --settle seconds after the stream.
        sinks = [subprocess.Popen([args.binary, "tail", "--bind", "--endpoint", endpoint, "--count", str(n)],
                                  stdout=open(path, "w"), stderr=open(path + ".log", "w"))
                 for endpoint, n, path in ((out, good, out_file), (dead, bad, dead_file))]
        for sink in sinks:
            sink.traced = False
        children += sinks
        intake = feed
        if args.broker:
            intake = f"tcp://127.0.0.1:{free_port()}"
            broker = spawn([args.binary, "broker", "--frontend", feed, "--frontend-connect", "--backend", intake],
                           stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "broker.log"), "w"))
            children.append(broker)
        workers = [Worker(args, k + 1, 0, intake, out, dead, work) for k in range(args.workers)]
        delay = 1.5  # lets every worker connect before the first message, so PUSH spreads from the start
        vent = spawn([args.binary, "send", "--bind", "--endpoint", feed, "--rate", str(args.rate),
                      "--delay-ms", str(int(delay * 1000)), "--linger-ms", "60000", lines], vent_trace,
                     stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "send.log"), "w"))
        children.append(vent)
        stream_start = time.monotonic() + delay
        # Staggered: worker k is stopped at (k+1)/(n+1) of the stream, so one drain at a time.
        due = [stream_start + stream * (k + 1) / (args.workers + 1) for k in range(args.workers)]
        pending = list(range(args.workers))
        deadline = started + hard_limit
        while vent.poll() is None or any(w.signalled and not w.exited for w in workers):
            time.sleep(0.005)
            now = time.monotonic()
            if now > deadline:
                failures.append(f"hard timeout of {hard_limit:.0f} s reached")
                break
            for k, w in enumerate(workers):
                if k in pending and now >= due[k]:
                    pending.remove(k)
                    w.signalled, w.at = time.time(), now - stream_start
                    send_signal(w.proc, signal.SIGTERM)
                elif w.signalled and not w.exited and w.proc.poll() is not None:
                    w.exited = time.time()
                    w.reader.join(timeout=5)
                    restarts.append(w)
                    retired.append(w)
                    workers[k] = Worker(args, w.slot, 1, intake, out, dead, work)  # right after it exited
                elif not w.signalled and w.proc.poll() is not None:
                    failures.append(f"{w.name} exited {w.proc.returncode} without being signalled")
                    if k in pending:
                        pending.remove(k)
                    w.signalled = w.exited = time.time()
        if pending and not failures:
            failures.append(f"stream ended before workers {[k + 1 for k in pending]} were restarted")
        counters = [LineCounter(out_file), LineCounter(dead_file)]
        total, quiet_since = -1, time.monotonic()
        while (not failures and any(sink.poll() is None for sink in sinks)
               and time.monotonic() - quiet_since < args.settle):
            if time.monotonic() > deadline:
                failures.append(f"hard timeout of {hard_limit:.0f} s reached waiting for the sinks")
                break
            time.sleep(0.2)
            now_total = sum(c.count() for c in counters)
            if now_total != total:
                total, quiet_since = now_total, time.monotonic()
    finally:
        for child in children:
            stop(child, timeout=5)
        for w in workers:
            w.signalled = w.signalled or time.time()
            stop(w.proc, timeout=args.drain_timeout_ms / 1000 + 10)
            w.exited = w.exited or time.time()
            w.reader.join(timeout=5)
            retired.append(w)
    wall_time = time.monotonic() - started

    # Accounting.
    published, dead_lettered = [], []
    for path, into in ((out_file, published), (dead_file, dead_lettered)):
        with open(path) as f:
            into.extend(json.loads(line) for line in f if line.strip())
    seen, ids = {}, []
    for r in published + dead_lettered:
        rid = r.get("id") or (ID.search(r.get("payload") or "") or [None, None])[1]
        ids.append(rid)
        seen.setdefault(rid, r)
    sent = {f"r{i}" for i in range(args.articles)}
    missing = sorted(sent - set(seen), key=lambda s: int(s[1:]))
    unknown = set(seen) - sent
    duplicates = len(ids) - len(set(ids))
    other_reason = sum(1 for r in dead_lettered if r.get("reason") != "invalid_json")
    per_instance = {}
    for r in published + dead_lettered:
        p, d = per_instance.get(r.get("worker"), (0, 0))
        per_instance[r.get("worker")] = (p + 1, d) if r.get("schema") == "enrichd.article/1" else (p, d + 1)
    received_at = {rid: wall(r["received_at"]) for rid, r in seen.items() if r.get("received_at")}
    with open(os.path.join(work, "send.log")) as f:  # "sent N messages in S s" (S includes the final flush)
        m = re.search(r"sent (\d+) messages in ([\d.]+) s", f.read())
    achieved = int(m.group(1)) / float(m.group(2)) if m and float(m.group(2)) > 0 else 0
    accepted_total = sum(w.accepted or 0 for w in retired)

    def sent_at(i):  # a lost id's send time, from its neighbours' arrival at a worker
        near = [received_at[f"r{j}"] for j in range(i - 6, i + 7) if f"r{j}" in received_at]
        return statistics.median(near) if near else None

    by_restart = {w.name: [] for w in restarts}
    for rid in missing:  # each lost id goes to the restart whose SIGTERM is nearest (within 2 s)
        t = sent_at(int(rid[1:]))
        near = min(restarts, key=lambda w: abs(t - w.signalled), default=None) if t is not None else None
        if near is not None and abs(t - near.signalled) <= 2:
            by_restart[near.name].append((int(rid[1:]), t))
    located = None
    if vent_trace and os.path.exists(vent_trace):
        located, trace_times = locate(vent_trace, [w for w in retired if w.trace and os.path.exists(w.trace)],
                                      missing, args.workers)

    print(f"logs and records in {work}" + (f"; traces in {args.strace}" if args.strace else ""))
    for w in sorted(retired, key=lambda w: w.name):
        p, d = per_instance.get(w.name, (0, 0))
        print(f"  {w.name}: accepted {w.accepted}, published {p}, dead-lettered {d}, exit {w.proc.returncode}")
    for w in restarts:
        t0, lost = w.signalled, by_restart[w.name]
        closed = w.events.get("input.monitorStopped")
        mine = [int(rid[1:]) for rid, r in seen.items() if r.get("worker") == w.name]
        last_id = max(mine) if mine else None
        at_place = sum(1 for i, _ in lost if last_id is not None and (i - last_id) % args.workers == 0)
        print(f"  restart {w.name}: SIGTERM at stream +{w.at:.1f} s, exit {w.proc.returncode} after "
              f"{(w.exited - t0) * 1000:.0f} ms, input closed (log) +{(closed - t0) * 1000 if closed else -1:.0f} ms, "
              f"last id it took r{last_id} (received_at +{(received_at.get(f'r{last_id}', t0) - t0) * 1000:.0f} ms); "
              f"lost near it (by send time) {len(lost)}" + (f", {at_place} at its round-robin place after r{last_id}, sent "
                                     f"{min(round((t - t0) * 1000) for _, t in lost)}.."
                                     f"{max(round((t - t0) * 1000) for _, t in lost)} ms after SIGTERM" if lost else ""))
        if 0 < len(lost) <= 12:
            print("    lost: " + ", ".join(f"r{i} (+{(t - t0) * 1000:.0f} ms)" for i, t in lost))
        if located is not None:
            closed_at, gone_at = trace_times.get(w.name, (None, None))
            ms = lambda t: f"+{(t - t0) * 1000:.1f} ms" if t else "?"
            kinds = located.get(w.name, {})
            print(f"    strace: its libzmq closed the input connection {ms(closed_at)} after SIGTERM, the ventilator "
                  f"saw it go {ms(gone_at)}; {sum(len(v) for v in kinds.values())} lost ids were on that connection")
            for kind, rids in kinds.items():
                print(f"      {len(rids)} {kind}: {' '.join(rids[:6])}{' ...' if len(rids) > 6 else ''}")
    attributed = sum(len(v) for v in by_restart.values())
    if located is not None:  # the traces know, where the send-time estimate only guesses
        attributed = sum(len(ids) for name in by_restart for ids in located.get(name, {}).values())
    if located is not None:
        for name, kinds in sorted(located.items(), key=lambda kv: str(kv[0])):
            if name is None or name not in by_restart:
                for kind, rids in kinds.items():
                    print(f"  strace, not at a restart ({name or 'no connection'}): {len(rids)} {kind}: "
                          f"{' '.join(rids[:6])}{' ...' if len(rids) > 6 else ''}")
    print(f"restart soak: {args.articles} articles ({bad} invalid JSON) at {args.rate:.0f}/s "
          f"({'enrichment' if args.enrichment else 'pass-through'}, achieved {achieved:.0f}/s), {args.workers} "
          f"workers each SIGTERM-restarted once: published {len(published)} + dead-lettered {len(dead_lettered)} = "
          f"{len(published) + len(dead_lettered)} of {args.articles} sent; missing {len(missing)} "
          f"({attributed} at a restart), duplicates {duplicates}, unknown ids {len(unknown)}, "
          f"dead letters not invalid_json {other_reason}; accepted by the workers {accepted_total} "
          f"(sent - accepted = {args.articles - accepted_total} lost before a worker read them; accepted - records "
          f"= {accepted_total - len(published) - len(dead_lettered)} lost after)")
    print("per worker: " + ", ".join(
        f"w{s} {sum(sum(per_instance.get(w.name, (0, 0))) for w in retired if w.slot == s)}"
        for s in range(1, args.workers + 1)))
    print("drains (SIGTERM -> exit): " + ", ".join(
        f"{w.name} {(w.exited - w.signalled) * 1000:.0f} ms exit {w.proc.returncode}" for w in restarts))
    print(f"wall time {wall_time:.1f} s (stream {stream:.1f} s at the target rate, hard limit {hard_limit:.0f} s)")
    if missing:
        failures.append(f"{len(missing)} ids never came back")
    if duplicates or unknown:
        failures.append(f"{duplicates} duplicates, {len(unknown)} unknown ids")
    if len(published) + len(dead_lettered) != args.articles:
        failures.append("published + dead-lettered != sent")
    if other_reason:
        failures.append(f"{other_reason} dead letters other than the invalid lines")
    for w in restarts:
        if w.proc.returncode != 0:
            failures.append(f"{w.name} exited {w.proc.returncode} on SIGTERM")
    if len(restarts) != args.workers:
        failures.append(f"{len(restarts)} of {args.workers} restarts done")
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
