#!/usr/bin/env bash
# Runs the gate end to end on its embedded default guest, the Linux test guest, on a fresh
# Debian/Ubuntu machine: installs what is missing, builds the guest, runs `fusefs-gate run`.
# Extra arguments go to `fusefs-gate run` (e.g. --fault stall=write --timeout 5).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-host-deps.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
[ -f dist/cli/index.js ] || npm run -s bundle
bash scripts/build-linux-guest.sh >/dev/null
exec node dist/cli/index.js run --guest linux --out "${FUSEFS_GATE_OUT:-fusefs-gate-out}" "$@"
