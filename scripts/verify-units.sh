#!/usr/bin/env bash
# Checks the unit files with systemd-analyze verify (and prints the security exposure score).
# ExecStart points at /usr/local/bin/enrichd; verify needs an existing executable, so the units are
# checked as copies pointing at BINARY (default: the release build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath -m "${1:-$here/.build/release/enrichd}")
[ -x "$binary" ] || { echo "verify-units: $binary not built" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for unit in enrichd.service enrichd@.service enrichd.target; do
    sed "s|/usr/local/bin/enrichd|$binary|g" "$here/systemd/$unit" > "$tmp/$unit"
done
cp "$tmp/enrichd@.service" "$tmp/enrichd@1.service"
cd "$tmp"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no ./enrichd.service ./enrichd@1.service ./enrichd.target 2>&1 || true)
# Lines about units outside this project (the host's own units) are not ours to fix.
ours=$(printf '%s\n' "$out" | grep -E 'enrichd' || true)
if [ -n "$ours" ]; then
    printf '%s\n' "$ours" >&2
    echo "verify-units: FAILED" >&2
    exit 1
fi
score=$(systemd-analyze security --offline=yes ./enrichd.service 2>/dev/null | tail -1 || true)
echo "verify-units: ok (systemd-analyze verify); security: ${score:-n/a}"
