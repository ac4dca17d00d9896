#!/usr/bin/env bash
# Mutation testing (issue 16): runs Stryker (stryker.config.mjs) on each named module, one after the
# other, with the unit tests only and one test runner (the machine is shared; FG_MUTATION_CONCURRENCY=N
# runs N), incremental so a rerun tests only what changed, then writes the score per module and every
# survivor into bench/RESULTS.md, replacing only the rows and survivors of the modules it ran (the other
# rows, measured on other commits, stay). Not part of CI: a full run takes tens of minutes.
#
# Run: bash bench/mutation.sh [--full | --retest-survivors] [MODULE...]   (modules: the keys of MODULES
#      in stryker.config.mjs; default: every module). --full tests every mutant again: incremental
#      mode reuses a survivor's old result when the test that would now kill it is in a new file.
#      --retest-survivors starts from reports/mutation/MODULE.json without its survivors
#      (bench/mutation-retest.ts): kills whose test is unchanged are reused, every survivor is tested
#      again. FG_MUTATION_CONCURRENCY sets Stryker's test runners (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

force=()
retest=false
if [ "${1:-}" = --full ]; then
  force=(--force)
  shift
elif [ "${1:-}" = --retest-survivors ]; then
  retest=true
  shift
fi
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(watchdog-compare gate-verdict config vm-accel payload watchdog-run-test gate-run
    report-signature report-catalogue report-render freebsd-parse
    gate-blame report-crash-title report-procstat report-parsers-freebsd report-parsers-linux report-parsers-common report-parsers-kgdb
    report-stacks report-build-errors bisect)
fi
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src test || echo '+changes')
mkdir -p reports/mutation
if $retest; then npx tsc -p . >/dev/null; fi
for module in "${modules[@]}"; do
  echo "== $module"
  if $retest; then
    node lib/bench/mutation-retest.js "reports/mutation/$module.json" "reports/mutation/$module.incremental.json"
  fi
  echo "$commit" >"reports/mutation/$module.commit"
  FG_MUTATION_MODULE="$module" npx stryker run --concurrency "${FG_MUTATION_CONCURRENCY:-1}" --incremental "${force[@]}" >"reports/mutation/$module.log" 2>&1 || {
    echo "stryker failed on $module; see reports/mutation/$module.log" >&2
    tail -20 "reports/mutation/$module.log" >&2
  }
done
npx tsc -p . >/dev/null
# The src/report modules (branch mut-report) have their own table in bench/RESULTS.md.
section=()
if printf '%s\n' "${modules[@]}" | grep -qv '^report-'; then :; else section=(--section report); fi
node lib/bench/mutation-score.js "${section[@]}" "${modules[@]}"
