#!/usr/bin/env bash
# THE test command (README; .ci/run execs it): installs the npm tools when needed, starts Azurite on free ports,
# runs every step and prints a summary. Exits non-zero when any step fails.
#
# To add a step: write a function (or use a command) and add a `step "name" command args...` line below.
# Each step runs in a subshell with errexit on, so one failing command fails its step; later steps are skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RESULTS=()
FAILED=0
STARTED=$SECONDS
WORK="$(mktemp -d "${TMPDIR:-/tmp}/scheduler-test.XXXXXX")"
TESTS_PASSED=0 TESTS_FAILED=0 TESTS_SKIPPED=0

cleanup() {
  local rc=$?
  azurite_stop
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# step NAME COMMAND [ARGS...]: runs COMMAND unless an earlier step failed, and records the outcome.
step() {
  local name=$1 rc start=$SECONDS
  shift
  if ((FAILED)); then
    RESULTS+=("skip  $name")
    return 0
  fi
  echo
  echo "==> $name"
  set +e
  (set -euo pipefail; "$@")
  rc=$?
  set -e
  if ((rc == 0)); then
    RESULTS+=("ok    $name ($((SECONDS - start))s)")
  else
    RESULTS+=("FAIL  $name ($((SECONDS - start))s, exit $rc)")
    FAILED=1
  fi
}

# npm ci only when node_modules does not match package-lock.json (a stamp of the lockfile's hash says which).
npm_tools() {
  local want have="" stamp="node_modules/.package-lock.sha256"
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  [[ -f "$stamp" ]] && have="$(cat "$stamp")"
  if [[ "$want" == "$have" && -x node_modules/.bin/azurite ]]; then
    echo "node_modules is up to date"
    return 0
  fi
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

# Debian's Chromium for the dashboard's browser tests (Playwright drives it; it cannot download a browser of its own
# here). Installed with apt-get only when missing; quiet when present.
chromium_browser() {
  if [[ -x /usr/bin/chromium ]]; then
    echo "chromium is installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
    return 0
  fi
  command -v apt-get >/dev/null || { echo "chromium is missing and apt-get is not available: install Debian's chromium package" >&2; return 1; }
  local sudo=""
  ((EUID == 0)) || sudo="sudo"
  echo "installing Debian's chromium package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  /usr/bin/chromium --version
}

# Azurite must live in this shell (its PID is stopped by the EXIT trap), so it is not a subshell step.
start_azurite() {
  echo
  echo "==> azurite"
  local start=$SECONDS
  if ((FAILED)); then
    RESULTS+=("skip  azurite")
  elif azurite_start; then
    export FUNCTIONSCHEDULER_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
    RESULTS+=("ok    azurite ($((SECONDS - start))s)")
  else
    RESULTS+=("FAIL  azurite ($((SECONDS - start))s)")
    FAILED=1
  fi
}

# dotnet test prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test assembly.
# Measurements (Category=Measurement: minutes of load, numbers for docs/benchmarks/) are run on their own, not here.
dotnet_tests() {
  dotnet test FunctionScheduler.sln -c Release --filter "Category!=Measurement" 2>&1 | tee "$WORK/dotnet-test.log"
}

# The short chaos run (docs/benchmarks/chaos.md): standalone hosts as child processes on an Azurite of its own, killed
# and restarted, restarted gracefully, storage paused. Fails when an occurrence is lost or delivered under two run ids.
# `dotnet test` builds only the test projects, so the bench project is built here (its dependencies are up to date).
chaos_short() {
  dotnet build -c Release tests/FunctionScheduler.Benchmarks -v quiet -nologo
  dotnet run -c Release --no-build --project tests/FunctionScheduler.Benchmarks -- chaos --short --assert
}

count_tests() {
  local log="$WORK/dotnet-test.log" line
  [[ -f "$log" ]] || return 0
  while IFS= read -r line; do
    [[ "$line" =~ Failed:[[:space:]]*([0-9]+),[[:space:]]*Passed:[[:space:]]*([0-9]+),[[:space:]]*Skipped:[[:space:]]*([0-9]+) ]] || continue
    TESTS_FAILED=$((TESTS_FAILED + BASH_REMATCH[1]))
    TESTS_PASSED=$((TESTS_PASSED + BASH_REMATCH[2]))
    TESTS_SKIPPED=$((TESTS_SKIPPED + BASH_REMATCH[3]))
  done <"$log"
}

step "npm tools (Azurite)" npm_tools
step "bicep build + lint (infra)" bash infra/lint.sh
step "chromium (browser tests)" chromium_browser
start_azurite
step "run command (README: bash scripts/run.sh)" bash scripts/smoke-run.sh
step "dotnet test (Release)" dotnet_tests
step "chaos harness (short)" chaos_short

count_tests
echo
echo "==> summary ($((SECONDS - STARTED))s)"
printf '  %s\n' "${RESULTS[@]}"
echo "Tests: $TESTS_PASSED passed, $TESTS_FAILED failed, $TESTS_SKIPPED skipped"
# The failing tests' names again at the end, where a log cut to its tail still shows them.
if ((TESTS_FAILED)); then
  grep -E '^[[:space:]]+Failed [^:]+ \[' "$WORK/dotnet-test.log" | sed 's/^[[:space:]]*/  /' | sort -u || true
fi
if ((FAILED)); then
  echo "RESULT: FAILED"
  exit 1
fi
echo "RESULT: OK"
