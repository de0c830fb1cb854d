#!/usr/bin/env bash
# Runs the daemon on config/demo.yaml, sends the bundled samples, prints enriched JSON and
# dead-letter records, shows a few metrics, then stops the daemon with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-.build/release/enrichd}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

$bin run --config config/demo.yaml &
daemon=$!; pids+=("$daemon")
ready=no
for _ in $(seq 1 100); do
    if curl -sf http://127.0.0.1:9464/readyz >/dev/null 2>&1; then ready=yes; break; fi
    kill -0 "$daemon" 2>/dev/null || break
    sleep 0.1
done
[ "$ready" = yes ] || { echo "demo: the daemon did not become ready" >&2; exit 1; }

bad=$(grep -c '"text": 42' samples/articles.jsonl || true)
total=$(grep -c . samples/articles.jsonl)
$bin tail --endpoint tcp://127.0.0.1:5558 --count $((total - bad + 1)) --idle-timeout 10 > /tmp/enrichd-demo.out &
tailpid=$!; pids+=("$tailpid")
$bin tail --endpoint tcp://127.0.0.1:5559 --count "$bad" --idle-timeout 10 > /tmp/enrichd-demo.dead &
deadpid=$!; pids+=("$deadpid")

$bin send --endpoint tcp://127.0.0.1:5557 samples/articles.jsonl samples/harbor-storm.txt
wait "$tailpid" "$deadpid" || true

echo "== enriched articles (tcp://127.0.0.1:5558) =="
if command -v python3 >/dev/null; then
    python3 -m json.tool --no-ensure-ascii < <(head -1 /tmp/enrichd-demo.out) | head -60
    echo "... $(wc -l < /tmp/enrichd-demo.out) records in /tmp/enrichd-demo.out"
else
    cat /tmp/enrichd-demo.out
fi
echo "== dead letters (tcp://127.0.0.1:5559) =="
cat /tmp/enrichd-demo.dead
echo "== metrics (http://127.0.0.1:9464/metrics) =="
curl -s http://127.0.0.1:9464/metrics | grep -E '^enrichd_messages_(received|published|dead_lettered)' || true
kill -TERM "$daemon"
wait "$daemon"
echo "daemon exited with status $?"
