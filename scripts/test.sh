#!/usr/bin/env bash
# The test command (README, .ci/run): sets up what the tests need on a fresh Debian/Ubuntu machine
# (QEMU and friends, the Linux test guest), then runs every test, unit and integration, and ends
# with one closing line 'N passed, N failed, N skipped'.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-host-deps.sh --for-tests
[ -d node_modules ] || npm ci --no-audit --no-fund
# Built once here, so the integration tests find it in the cache (a no-op when nothing changed).
bash scripts/build-linux-guest.sh >/dev/null
# Integration tests spawn the CLI as users do: from the committed bundle, rebuilt from the sources first.
npm run -s bundle

# Everything the tests create, QEMU's sockets among them, lives below one folder of this run, so the
# leftover check below finds this run's QEMU and nobody else's.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/fusefs-gate-tests.XXXXXX")
export TMPDIR
results=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# shellcheck disable=SC2016 # the quoted text is JavaScript: its ${...} are node's, not the shell's
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  // A file that failed without a failed test (an error in beforeAll, an import) counts as one failure.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  const failed = r.numFailedTests + brokenFiles;
  console.log(`tests: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
' "$results" || echo "tests: 0 passed, 1 failed"
rm -f "$results"
# Nothing may outlive the suite: a leftover QEMU is a teardown bug.
if pgrep -f "qemu-system-x86_64.*$TMPDIR" >/dev/null; then
  echo "QEMU processes left after the tests:" >&2
  pgrep -af "qemu-system-x86_64.*$TMPDIR" >&2
  status=1
fi
rm -rf "$TMPDIR" 2>/dev/null || true
exit "$status"
