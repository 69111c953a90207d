#!/usr/bin/env bash
# Every benchmark beside its baseline, in one run on one machine, then one results table and one
# chart: bench-out/results.md and docs/benchmarks/ratios.png (io.relaywatch.bench.report.BenchReport).
#
#   bench/run-all.sh                      # 1,000,000 lines (6 to 10 minutes on 2 busy cores)
#   LINES=200000 bench/run-all.sh         # a quick run
#
# Steps, each writing JSON (and markdown) under bench-out/:
#   1. bench/report-vs-peers.sh   relaywatch report beside pflogsumm and fail2ban-regex, and their
#                                 agreement on the top relay-denial client IPs
#   2. bench/ship-vs-kcat.sh      relaywatch ship beside kcat -P
#   3. bench/streams-throughput.sh  the full topology beside a pass-through topology
#   4. bench/streaming-latency.sh line to alert under background load (skipped, with a note, when
#                                 the script is not there)
# A failing step is recorded and the others still run; the script exits 1 at the end if one failed.
#
# Settings (environment): LINES (1000000), SEED (1), REPORT_RUNS (1: rounds of report-vs-peers),
# SHIP_RUNS (3: rounds of ship-vs-kcat), CHART (docs/benchmarks/ratios.png). Each script's own
# settings (THREADS, PARTITIONS, ...) pass through.
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
SEED=${SEED:-1}
REPORT_RUNS=${REPORT_RUNS:-1}
SHIP_RUNS=${SHIP_RUNS:-3}
CHART=${CHART:-docs/benchmarks/ratios.png}
OUT=bench-out
STEPS=$OUT/run-all-steps.txt
mkdir -p "$OUT"
# Results of an earlier run must not be reported as this run's.
rm -f "$OUT"/{report-vs-peers,peer-agreement,ship-vs-kcat,streams-throughput,streaming-latency}.json
: >"$STEPS"
failed=()

# step NAME CMD...: runs CMD (its stderr to bench-out/NAME.log), records exit status, seconds and
# the load average after it.
step() {
  local name=$1 start status=0
  shift
  echo "== $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  start=$(date +%s)
  "$@" 2>"$OUT/$name.log" || status=$?
  echo "$name $status $(($(date +%s) - start)) $(cut -d' ' -f1-3 /proc/loadavg)" >>"$STEPS"
  if ((status != 0)); then
    failed+=("$name")
    echo "$name failed (exit $status); see $OUT/$name.log" >&2
  fi
}

begin=$(date +%s)
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
./relaywatch --version >/dev/null # builds the CLI when it is missing or stale
step report-vs-peers env LINES="$LINES" SEED="$SEED" RUNS="$REPORT_RUNS" bench/report-vs-peers.sh
step ship-vs-kcat env LINES="$LINES" SEED="$SEED" RUNS="$SHIP_RUNS" bench/ship-vs-kcat.sh
step streams-throughput env LINES="$LINES" SEED="$SEED" bench/streams-throughput.sh
if [[ -f bench/streaming-latency.sh ]]; then
  step streaming-latency bash bench/streaming-latency.sh
else
  echo "streaming-latency: skipped, bench/streaming-latency.sh is not there yet" >&2
  echo "streaming-latency skipped 0 $(cut -d' ' -f1-3 /proc/loadavg)" >>"$STEPS"
fi

java -Djava.awt.headless=true -cp "bench/target/classes:bench/target/lib/*" \
  io.relaywatch.bench.report.BenchReport --dir "$OUT" --out "$OUT/results.md" --chart "$CHART" \
  --command "LINES=$LINES SEED=$SEED REPORT_RUNS=$REPORT_RUNS SHIP_RUNS=$SHIP_RUNS bench/run-all.sh"
echo "run-all: $(($(date +%s) - begin)) s; results in $OUT/results.md, chart in $CHART" >&2
if ((${#failed[@]})); then
  echo "run-all: failed steps: ${failed[*]}" >&2
  exit 1
fi
