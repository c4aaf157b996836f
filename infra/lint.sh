#!/usr/bin/env bash
# Compiles and lints every Bicep file under infra/ with the rules in infra/bicepconfig.json and
# fails on any error or warning. The Bicep CLI comes from NuGet through infra/tools/BicepCli.proj,
# so a fresh clone needs only the .NET SDK and NuGet; after the first restore it runs offline.
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
proj="$infra_dir/tools/BicepCli.proj"
canary="$infra_dir/tools/lint-canary/canary.bicep"
packages_dir="$infra_dir/.tools/packages"

# Rules the canary must trip; if one stays silent the config was not loaded or the rule is off.
required_rules=(
  no-unused-params
  no-unused-vars
  secure-secrets-in-params
  outputs-should-not-contain-secrets
  use-recent-api-versions
)

for tool in dotnet jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "lint.sh: '$tool' is required and not on PATH" >&2
    exit 2
  fi
done

if [[ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]]; then
  echo "lint.sh: the pinned Bicep CLI package is linux-x64; this is $(uname -s)/$(uname -m)" >&2
  exit 2
fi

# The version lives in one place: the PackageDownload in BicepCli.proj.
version="$(sed -n 's/.*Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$proj")"
if [[ -z "$version" ]]; then
  echo "lint.sh: no Azure.Bicep.CommandLine.linux-x64 version found in $proj" >&2
  exit 2
fi
bicep="$packages_dir/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [[ ! -f "$bicep" ]]; then
  echo "Restoring Bicep CLI $version from NuGet into infra/${packages_dir#"$infra_dir/"}"
  dotnet restore "$proj" --packages "$packages_dir" --nologo --verbosity quiet
fi
# NuGet does not promise to keep file modes, so make sure the binary can run.
chmod u+x "$bicep"
echo "Using $("$bicep" --version)"

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

mapfile -t files < <(
  find "$infra_dir" -name '*.bicep' -not -path "$infra_dir/.tools/*" -not -path "$infra_dir/tools/*" | sort
)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint.sh: no .bicep files found under $infra_dir" >&2
  exit 1
fi

# One build and one lint over every file (canary included) keep the CLI's start-up cost to two runs.
# Diagnostics go to stderr as "path(line,col) : Warning|Error code: message"; build and lint both
# report compiler diagnostics, so the two logs are merged and deduplicated.
status=0
(cd "$infra_dir" && "$bicep" build --pattern '**/*.bicep' --outdir "$work_dir/out") >"$work_dir/build.log" 2>&1 || status=$?
(cd "$infra_dir" && "$bicep" lint --pattern '**/*.bicep') >"$work_dir/lint.log" 2>&1 || status=$?
grep -hE ' : (Warning|Error) ' "$work_dir/build.log" "$work_dir/lint.log" | sort -u >"$work_dir/diagnostics" || true
if [[ $status -ne 0 ]] && ! grep -q ' : Error ' "$work_dir/diagnostics"; then
  # A failing exit code with no parsable diagnostic (a crash, a bad config) must not pass silently.
  cat "$work_dir/build.log" "$work_dir/lint.log" >&2
  echo "lint.sh: bicep exited with $status without reporting an error" >&2
  exit 1
fi

diagnostics_of() {
  grep -F "$1(" "$work_dir/diagnostics" || true
}

echo
echo "Canary: ${canary#"$infra_dir/"} must report each required rule"
canary_report="$(diagnostics_of "$canary")"
canary_missing=0
for rule in "${required_rules[@]}"; do
  if grep -qE " : Warning $rule: " <<<"$canary_report"; then
    echo "  ok       $rule"
  else
    echo "  MISSING  $rule"
    canary_missing=$((canary_missing + 1))
  fi
done
if [[ $canary_missing -ne 0 ]]; then
  echo "lint.sh: $canary_missing required rule(s) did not fire on the canary; check infra/bicepconfig.json" >&2
  exit 1
fi

echo
echo "Build + lint with infra/bicepconfig.json (any error or warning fails):"
errors=0
warnings=0
for file in "${files[@]}"; do
  relative="${file#"$infra_dir/"}"
  report="$(diagnostics_of "$file")"
  file_errors="$(grep -cE ' : Error ' <<<"$report" || true)"
  file_warnings="$(grep -cE ' : Warning ' <<<"$report" || true)"
  if [[ ! -s "$work_dir/out/${relative%.bicep}.json" ]] && [[ $file_errors -eq 0 ]]; then
    report+=$'\n'"$file : Error lint.sh: no compiled template was written"
    file_errors=1
  fi
  errors=$((errors + file_errors))
  warnings=$((warnings + file_warnings))
  printf '  %-28s %d errors, %d warnings\n' "$relative" "$file_errors" "$file_warnings"
  if [[ -n "$report" ]]; then
    sed 's/^/    /' <<<"$report"
  fi
done

# Anything bicep reported for a path not matched above (another file, a resolved symlink) still counts.
printf '%s(\n' "$canary" "${files[@]}" >"$work_dir/known-paths"
unattributed="$(grep -vF -f "$work_dir/known-paths" "$work_dir/diagnostics" || true)"
if [[ -n "$unattributed" ]]; then
  echo "  other files:"
  sed 's/^/    /' <<<"$unattributed"
  errors=$((errors + $(grep -cE ' : Error ' <<<"$unattributed" || true)))
  warnings=$((warnings + $(grep -cE ' : Warning ' <<<"$unattributed" || true)))
fi

# azd reads main.parameters.json; a name it passes that main.bicep lacks fails the deployment, and a
# required parameter it omits is only caught at deploy time, so both are checked here.
echo
echo "Parameters file: main.parameters.json against main.bicep"
template="$work_dir/out/main.json"
parameters_file="$infra_dir/main.parameters.json"
if [[ ! -s "$template" ]]; then
  echo "  skipped: main.bicep did not compile"
elif ! jq -e '.parameters | type == "object"' "$parameters_file" >/dev/null 2>&1; then
  echo "  Error: main.parameters.json is not JSON with a parameters object"
  errors=$((errors + 1))
else
  unknown="$(jq -r --slurpfile t "$template" \
    '.parameters | keys[] | . as $k | select($t[0].parameters | has($k) | not)' "$parameters_file")"
  unset_required="$(jq -r --slurpfile p "$parameters_file" \
    '.parameters | to_entries[] | select(.value | has("defaultValue") | not) | .key
     | . as $k | select($p[0].parameters | has($k) | not)' "$template")"
  for name in $unknown; do
    echo "  Error: '$name' is not a parameter of main.bicep"
    errors=$((errors + 1))
  done
  for name in $unset_required; do
    echo "  Error: required parameter '$name' has no value in main.parameters.json"
    errors=$((errors + 1))
  done
  if [[ -z "$unknown" && -z "$unset_required" ]]; then
    echo "  ok       $(jq -r '.parameters | keys | join(", ")' "$parameters_file")"
  fi
fi

echo
echo "bicep: ${#files[@]} files, $errors errors, $warnings warnings"
if [[ $errors -ne 0 || $warnings -ne 0 ]]; then
  exit 1
fi
