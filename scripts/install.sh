#!/usr/bin/env bash
# Installs the binary, the reference configuration and the systemd units.
# Usage: scripts/install.sh [PREFIX] [SYSCONFDIR] [UNITDIR] [WORKERS]
#   WORKERS=0 enables the single enrichd.service; WORKERS=N enables enrichd@1..N + enrichd.target.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}; sysconf=${2:-/etc}; unitdir=${3:-/etc/systemd/system}; workers=${4:-0}
install -D -m 0755 "$here/.build/release/enrichd" "$prefix/bin/enrichd"
install -d -m 0755 "$sysconf/enrichd"
if [ ! -e "$sysconf/enrichd/enrichd.yaml" ]; then
    install -m 0644 "$here/config/enrichd.yaml" "$sysconf/enrichd/enrichd.yaml"
fi
for unit in enrichd.service enrichd@.service enrichd.target; do
    sed "s|/usr/local/bin/enrichd|$prefix/bin/enrichd|g; s|/etc/enrichd/|$sysconf/enrichd/|g" \
        "$here/systemd/$unit" > "$unitdir/$unit"
    chmod 0644 "$unitdir/$unit"
done
for i in $(seq 1 "$workers"); do
    env="$sysconf/enrichd/worker-$i.env"
    [ -e "$env" ] || printf 'ENRICHD_HTTP_PORT=%d\n' $((9463 + i)) > "$env"
done
"$prefix/bin/enrichd" check-config "$sysconf/enrichd/enrichd.yaml" >/dev/null
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    if [ "$workers" -gt 0 ]; then
        systemctl enable enrichd.target $(seq -f 'enrichd@%g' 1 "$workers")
    else
        systemctl enable enrichd.service
    fi
fi
echo "installed enrichd to $prefix/bin, config in $sysconf/enrichd, units in $unitdir"
