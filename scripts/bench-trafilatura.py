#!/usr/bin/env python3
"""Pages per second of trafilatura.extract (the peer of `enrichd bench-parse`) on one core, in
process (start-up excluded), over the same files for the same time.

usage: ~/.cache/enrichd-peers/bin/python scripts/bench-trafilatura.py [--seconds S] FILE.html...
"""
import argparse
import time

import trafilatura


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    pages = [open(f, "rb").read().decode("utf-8", errors="replace") for f in args.files]
    count = 0
    started = time.perf_counter()
    while time.perf_counter() - started < args.seconds:
        for page in pages:
            trafilatura.extract(page, output_format="json", with_metadata=True, include_comments=False)
            count += 1
    elapsed = time.perf_counter() - started
    print("trafilatura HTML pages  %4d files  %10.1f articles/s  %7.2f ms each"
          % (len(pages), count / elapsed, 1000 * elapsed / count))


if __name__ == "__main__":
    main()
