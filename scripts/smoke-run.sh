#!/usr/bin/env bash
# Keeps the README's run command true: starts `bash scripts/run.sh` as a user would (its own Azurite and host, state
# in a temporary directory, a free port), runs the example commands its banner prints, word for word, and fails
# unless the run history shows the run-now call succeeded and the echo target found its signature valid. Stops
# run.sh by its PID (run.sh stops its host and Azurite by theirs). Bounded: two minutes to start (a cold build
# included), fifteen tries of the history.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

STATE="$(mktemp -d "${TMPDIR:-/tmp}/scheduler-run-smoke.XXXXXX")"
OUT="$STATE/run.out"
RUN_PID=""

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

finish() {
  local rc=$?
  if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
    kill -TERM "$RUN_PID" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$RUN_PID" 2>/dev/null && kill -KILL "$RUN_PID" 2>/dev/null || true
    wait "$RUN_PID" 2>/dev/null || true
  fi
  ((rc == 0)) || { echo "--- run.sh printed:"; cat "$OUT" 2>/dev/null || true; }
  rm -rf "$STATE"
  exit "$rc"
}
trap finish EXIT

port=""
for candidate in $(seq 5180 5199); do
  listening "$candidate" || { port=$candidate; break; }
done
[[ -n "$port" ]] || { echo "no free port in 5180-5199" >&2; exit 1; }

STATE_DIR="$STATE/state" PORT="$port" bash scripts/run.sh >"$OUT" 2>&1 </dev/null &
RUN_PID=$!

for _ in $(seq 1 600); do
  grep -q '^FunctionScheduler is running\.' "$OUT" && break
  kill -0 "$RUN_PID" 2>/dev/null || { echo "run.sh exited before the host answered" >&2; exit 1; }
  sleep 0.2
done
grep -q '^FunctionScheduler is running\.' "$OUT" || { echo "run.sh did not print its banner within 2 minutes" >&2; exit 1; }
echo "run.sh is up on port $port"

# The banner's example: the lines from "  curl" on, a trailing backslash joining a line to the next.
example="$(sed -n '/^Try it:/,/^$/p' "$OUT" | sed -n '/^  curl\|^    -d\|^  sleep/p')"
[[ -n "$example" ]] || { echo "the banner has no example commands" >&2; exit 1; }
echo "$example"
# Every line but the last (create, run now) once; then the last (the history, after its sleep) until the run-now
# call shows as succeeded: a little longer than the banner's 2 s when the machine is busy.
bash -c "set -euo pipefail; $(sed '$d' <<<"$example")"
echo
history="$(tail -n 1 <<<"$example")"
runs=""
for _ in $(seq 1 15); do
  runs="$(bash -c "set -euo pipefail; $history")"
  grep -q '"status":"succeeded"' <<<"$runs" && break
done
echo "$runs"
grep -q '"status":"succeeded"' <<<"$runs" || { echo "no succeeded run in the history: $runs" >&2; exit 1; }
# The echo target checks the signature and says so in its answer, which the run record keeps a snippet of.
grep -q 'signature\\":\\"valid' <<<"$runs" || { echo "the echo target did not find the signature valid: $runs" >&2; exit 1; }
echo "the banner's example ran: a succeeded run, signed and verified, is in the history"
