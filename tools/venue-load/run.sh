#!/usr/bin/env bash
# Order-post capacity of the venue, measured from a separate process (see perf-baselines/venue.md):
#   tools/venue-load/run.sh [ORDERS] [CONNECTIONS] [RUNS]
# Starts `fastmaker venue` (its own process, rate limits off, the capacity scenario), runs `fastmaker venue-load`
# RUNS times against it, then stops the venue with SIGTERM. Build first: dotnet build src/FastMaker.Cli -c Release
# Environment passes through, so e.g. DOTNET_gcServer=1 applies to both processes; VENUE_ENV="A=1 B=2" to the venue only.
set -euo pipefail
cd "$(dirname "$0")/../.."
orders=${1:-20000}
connections=${2:-4}
runs=${3:-1}
cli=${FASTMAKER_CLI:-src/FastMaker.Cli/bin/Release/net10.0/fastmaker.dll}
# VENUE_CLI: another build's fastmaker.dll for the venue only (before/after pairs; the load generator stays the same).
venue_cli=${VENUE_CLI:-$cli}
out=$(mktemp)
# shellcheck disable=SC2086
env ${VENUE_ENV:-} dotnet "$venue_cli" venue --scenario tools/venue-load/capacity.json --no-rate-limits >"$out" 2>&1 &
venue=$!
trap 'kill -TERM $venue 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do grep -q '^gamma ' "$out" && break; sleep 0.2; done
clob=$(sed -n 's/^clob //p' "$out")
gamma=$(sed -n 's/^gamma //p' "$out")
[ -n "$clob" ] && [ -n "$gamma" ] || { cat "$out"; exit 1; }
for run in $(seq 1 "$runs"); do
  echo "run $run: $(uptime)"
  dotnet "$cli" venue-load --clob "$clob" --gamma "$gamma" --orders "$orders" --connections "$connections" --venue-pid "$venue" --seed "$run"
done
kill -TERM "$venue"
for _ in $(seq 1 150); do kill -0 "$venue" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$venue" 2>/dev/null; then echo "venue: still running 30 s after SIGTERM, killed"; kill -KILL "$venue"; fi
wait "$venue" && echo "venue: exit 0" || echo "venue: exit $?"
trap - EXIT
cat "$out"
rm -f "$out"
