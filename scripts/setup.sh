#!/usr/bin/env bash
# Installs what enrichd needs to build and test on Debian/Ubuntu, if it is missing.
set -euo pipefail
need=()
for pkg in libzmq3-dev pkg-config libxml2-dev libcld2-dev libsqlite3-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
command -v systemd-analyze >/dev/null || need+=(systemd)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${need[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Output records are validated against the published JSON Schema with the reference validator.
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema
command -v swift >/dev/null || { echo "setup: Swift 6.2+ is required (https://swift.org/install)" >&2; exit 1; }
echo "setup: ok"
