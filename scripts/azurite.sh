#!/usr/bin/env bash
# Azurite on free loopback ports, for tests and local runs.
#
#   source scripts/azurite.sh      functions: azurite_start, azurite_stop (scripts/test.sh uses these)
#   bash scripts/azurite.sh run    starts Azurite in the foreground, prints the export line, stops on Ctrl-C
#
# Ports are chosen by the OS (port 0) and read back from Azurite's own "listening at" lines, so a developer's
# Azurite on the default ports 10000-10002, or a parallel run, never collides with ours.

# The well-known development account of the Azure storage emulators (public; accepted only by emulators).
AZURITE_ACCOUNT="devstoreaccount1"
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

AZURITE_PID=""
AZURITE_DIR=""
AZURITE_CONNECTION_STRING=""

_azurite_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Prints the port a service reported, or nothing yet.
_azurite_port() {
  sed -n "s|^Azurite $1 service is successfully listening at http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p" "$2" | head -n 1
}

# Starts blob, queue and table services on 127.0.0.1, in memory, and waits until all three accept connections.
# Sets AZURITE_PID and AZURITE_CONNECTION_STRING. Returns non-zero, with Azurite's output, when it does not come up.
azurite_start() {
  local root bin timeout_s="${AZURITE_START_TIMEOUT:-60}"
  root="$(_azurite_root)"
  bin="$root/node_modules/.bin/azurite"
  if [[ ! -x "$bin" ]]; then
    echo "azurite: $bin is missing; run 'npm ci' at the repository root (scripts/test.sh does)" >&2
    return 1
  fi

  AZURITE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/azurite.XXXXXX")"
  # In memory: nothing outlives the run. The folder is its working directory, for its log and anything else it writes.
  (cd "$AZURITE_DIR" && exec "$bin" --silent --inMemoryPersistence --extentMemoryLimit 512 --disableTelemetry \
    --skipApiVersionCheck \
    --blobHost 127.0.0.1 --blobPort 0 --queueHost 127.0.0.1 --queuePort 0 --tableHost 127.0.0.1 --tablePort 0 \
    >"$AZURITE_DIR/azurite.log" 2>&1 </dev/null) &
  AZURITE_PID=$!

  local blob="" queue="" table="" tries=$((timeout_s * 5))
  while ((tries-- > 0)); do
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "azurite: exited during start-up; its output:" >&2
      sed 's/^/  /' "$AZURITE_DIR/azurite.log" >&2
      AZURITE_PID=""
      return 1
    fi
    blob="$(_azurite_port Blob "$AZURITE_DIR/azurite.log")"
    queue="$(_azurite_port Queue "$AZURITE_DIR/azurite.log")"
    table="$(_azurite_port Table "$AZURITE_DIR/azurite.log")"
    if [[ -n "$blob" && -n "$queue" && -n "$table" ]] && _azurite_accepts "$blob" && _azurite_accepts "$queue" &&
      _azurite_accepts "$table"; then
      break
    fi
    blob="" queue="" table=""
    sleep 0.2
  done
  if [[ -z "$table" ]]; then
    echo "azurite: not accepting connections after ${timeout_s}s (AZURITE_START_TIMEOUT); its output:" >&2
    sed 's/^/  /' "$AZURITE_DIR/azurite.log" >&2
    azurite_stop
    return 1
  fi

  local base="http://127.0.0.1"
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=$AZURITE_ACCOUNT;AccountKey=$AZURITE_KEY;"
  AZURITE_CONNECTION_STRING+="BlobEndpoint=$base:$blob/$AZURITE_ACCOUNT;QueueEndpoint=$base:$queue/$AZURITE_ACCOUNT;"
  AZURITE_CONNECTION_STRING+="TableEndpoint=$base:$table/$AZURITE_ACCOUNT;"
  echo "azurite: pid $AZURITE_PID, blob $blob, queue $queue, table $table (127.0.0.1, in memory)"
}

_azurite_accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops the Azurite this shell started, by its PID only, and removes its folder. Safe to call twice.
azurite_stop() {
  if [[ -n "$AZURITE_PID" ]]; then
    if kill -0 "$AZURITE_PID" 2>/dev/null; then
      kill "$AZURITE_PID" 2>/dev/null || true
      local tries=50
      while ((tries-- > 0)) && kill -0 "$AZURITE_PID" 2>/dev/null; do sleep 0.1; done
      if kill -0 "$AZURITE_PID" 2>/dev/null; then kill -9 "$AZURITE_PID" 2>/dev/null || true; fi
      wait "$AZURITE_PID" 2>/dev/null || true
    fi
    echo "azurite: stopped pid $AZURITE_PID"
    AZURITE_PID=""
  fi
  if [[ -n "$AZURITE_DIR" ]]; then
    rm -rf "$AZURITE_DIR"
    AZURITE_DIR=""
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    run)
      trap azurite_stop EXIT
      trap 'exit 130' INT TERM
      azurite_start
      echo "export FUNCTIONSCHEDULER_TEST_STORAGE='$AZURITE_CONNECTION_STRING'"
      echo "azurite: running; Ctrl-C stops it"
      wait "$AZURITE_PID"
      ;;
    *)
      echo "usage: bash scripts/azurite.sh run    (or: source scripts/azurite.sh; azurite_start; ...; azurite_stop)" >&2
      exit 2
      ;;
  esac
fi
