#!/usr/bin/env bash
# Runs the standalone scheduler locally: Azurite (data kept in .azurite/) and the host on 127.0.0.1.
#
#   bash scripts/run.sh            PORT=5090 bash scripts/run.sh            LOG_LEVEL=Information bash scripts/run.sh
#
# Needs only the .NET 10 SDK, Node.js 20 and npm: it installs Azurite from the repository's package-lock.json,
# builds the host, starts both, waits until /api/health answers and prints the URL, the dashboard, the API key and
# an example that succeeds at once. Ctrl-C stops both. First run: an API key and a signing secret are generated into
# .azurite/dev-secrets.env and kept for later runs (delete the file to get new ones; delete .azurite/ to start with
# an empty index). The console stays quiet (warnings only) so that the banner stays in view: LOG_LEVEL=Information
# shows a line per fire, Scheduler__Standalone__ConsoleTelemetry=true adds spans and metrics. STATE_DIR moves the
# data and secrets elsewhere (the tests' smoke run uses a temporary one).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PORT="${PORT:-5080}"
LOG_LEVEL="${LOG_LEVEL:-Warning}"
STATE="${STATE_DIR:-$ROOT/.azurite}"
SECRETS="$STATE/dev-secrets.env"
AZURITE_PID="" HOST_PID=""

log() { printf '==> %s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops what this script started, by PID: the host first (it drains its fires), then Azurite.
stop_all() {
  local pid
  for pid in "$HOST_PID" "$AZURITE_PID"; do
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  HOST_PID="" AZURITE_PID=""
}
trap 'echo; log "stopping"; stop_all' EXIT
trap 'exit 130' INT TERM

command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is required"
command -v npm >/dev/null || fail "Node.js and npm are required"
command -v curl >/dev/null || fail "curl is required"
listening "$PORT" && fail "port $PORT on 127.0.0.1 is taken; run with PORT=<free port>"

# 1. Tools: Azurite from the lockfile, only when node_modules does not match it.
stamp="node_modules/.package-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -x node_modules/.bin/azurite || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  log "installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

# 2. Development secrets, made once and kept beside the data.
mkdir -p "$STATE/data"
if [[ ! -f "$SECRETS" ]]; then
  log "generating a development API key and signing secret into ${SECRETS#"$ROOT"/}"
  umask 077
  {
    echo "API_KEY=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    echo "SIGNING_SECRET=base64:$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  } >"$SECRETS"
fi
# shellcheck disable=SC1090
source "$SECRETS"

# 3. Azurite on 127.0.0.1: the default ports when all three are free, otherwise ports the OS picks.
ports=(10000 10001 10002)
if listening 10000 || listening 10001 || listening 10002; then
  log "Azurite's default ports are taken; using free ones"
  ports=(0 0 0)
fi
log "starting Azurite (data in ${STATE#"$ROOT"/}/data)"
AZURITE_LOG="$STATE/azurite.log"
node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --location "$STATE/data" \
  --blobHost 127.0.0.1 --blobPort "${ports[0]}" --queueHost 127.0.0.1 --queuePort "${ports[1]}" \
  --tableHost 127.0.0.1 --tablePort "${ports[2]}" >"$AZURITE_LOG" 2>&1 </dev/null &
AZURITE_PID=$!
table_port=""
for _ in $(seq 1 300); do
  kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$AZURITE_LOG" >&2; fail "Azurite exited during start-up"; }
  table_port="$(sed -n 's|^Azurite Table service is successfully listening at http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$AZURITE_LOG" | head -n 1)"
  [[ -n "$table_port" ]] && listening "$table_port" && break
  table_port=""
  sleep 0.2
done
[[ -n "$table_port" ]] || fail "Azurite did not start within 60 s (see $AZURITE_LOG)"
account="devstoreaccount1"
# The storage emulators' published development key; it opens nothing but a local emulator.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;TableEndpoint=http://127.0.0.1:$table_port/$account;"

# 4. The host, built once, then run directly so that its PID is the process to stop.
if [[ -f src/FunctionScheduler.Standalone/bin/Release/net10.0/FunctionScheduler.Standalone.dll ]]; then
  log "building the host (only what changed since the last build)"
else
  log "building the host: the first build restores the NuGet packages and compiles six projects, about a minute on a cold machine"
fi
# Minimal verbosity prints one line per project as it is built, so a cold build shows its progress.
if ! dotnet build src/FunctionScheduler.Standalone -c Release --nologo -v minimal -clp:NoSummary | { grep --line-buffered -E -- '->|error|warn' || true; }; then
  fail "the build failed (see above)"
fi
log "starting the host on http://127.0.0.1:$PORT"
ASPNETCORE_ENVIRONMENT=Development \
  Logging__LogLevel__Default="$LOG_LEVEL" \
  Scheduler__Storage__ConnectionString="$connection" \
  Scheduler__Signing__KeyId="dev" \
  Scheduler__Signing__Secret="$SIGNING_SECRET" \
  Scheduler__Standalone__ApiKey="$API_KEY" \
  Scheduler__Targets__AllowedNetworks__0="127.0.0.1" \
  Scheduler__Targets__AllowedNetworks__1="::1" \
  dotnet src/FunctionScheduler.Standalone/bin/Release/net10.0/FunctionScheduler.Standalone.dll \
  --urls "http://127.0.0.1:$PORT" </dev/null &
HOST_PID=$!

url="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do
  kill -0 "$HOST_PID" 2>/dev/null || fail "the host exited during start-up (see its output above)"
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$url/api/health" >/dev/null || fail "the host did not answer /api/health within 60 s"

key_header="-H 'X-Api-Key: $API_KEY'"
cat <<EOF

FunctionScheduler is running.
  Dashboard  $url/   (asks for the API key once per browser tab)
  API        $url/api   (reference: $url/scalar, OpenAPI: $url/openapi/v1.json)
  API key    $API_KEY   (header X-Api-Key; kept in ${SECRETS#"$ROOT"/})
  Targets    127.0.0.1 and ::1 are allowed for local development (Scheduler:Targets:AllowedNetworks); elsewhere a
             private or loopback target is accepted at create (with a warning) and refused when it fires.

Try it: a task that calls the host's development echo target ($url/dev/echo, which checks the signature) every
minute, run once now, and its run history a moment later:
  curl -sS -X PUT $url/api/tasks/hello $key_header -H 'Content-Type: application/json' \\
    -d '{"schedule":{"cron":"* * * * *"},"target":{"url":"$url/dev/echo"}}'
  curl -sS -X POST $url/api/tasks/hello/run $key_header
  sleep 2; curl -sS $url/api/tasks/hello/runs $key_header

The console shows warnings only: LOG_LEVEL=Information bash scripts/run.sh shows a line per fire, and
Scheduler__Standalone__ConsoleTelemetry=true adds spans and metrics. Ctrl-C stops the host and Azurite.
EOF

wait "$HOST_PID" || true
HOST_PID=""
