#!/usr/bin/env bash
# The 1-hour paper replay benchmark (issue 7): records one hour of the `calm` scenario in simulated time (cached in
# artifacts/, gitignored, ~68 MB), then replays it through the engine and the paper fill model ROUNDS times in separate
# processes, interleaved with the committed 30 s fixture as the same-run baseline, printing the load before each run.
# Usage: tools/paper-replay-bench/run.sh [ROUNDS]   (from the repository root; default 3 rounds)
set -euo pipefail
rounds="${1:-3}"
cd "$(dirname "$0")/../.."
dotnet build src/FastMaker.Cli -c Release -nologo -v quiet >/dev/null
cli=(dotnet src/FastMaker.Cli/bin/Release/net10.0/fastmaker.dll)
capture=artifacts/calm-3600s.fmcap
if [[ ! -f "$capture" ]]; then
  "${cli[@]}" venue record --scenario calm --seconds 3600 --out "$capture"
fi
sha256sum "$capture"
echo "nproc $(nproc); $(lscpu | grep 'Model name' | sed 's/  */ /g')"
for ((i = 1; i <= rounds; i++)); do
  for c in "$capture" tests/fixtures/captures/calm-30s.fmcap; do
    echo "== round $i: $c; load: $(cut -d' ' -f1-3 /proc/loadavg)"
    start=$(date +%s.%N)
    "${cli[@]}" replay --capture "$c" --paper --assume-open --repeat 3 | grep -E '^(run|median|paper replay|orders|fills)'
    end=$(date +%s.%N)
    echo "whole process (3 replays, each loading the file, JIT included, no store): $(echo "$end - $start" | bc) s"
  done
done
