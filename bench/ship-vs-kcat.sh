#!/usr/bin/env bash
# Ships one generated 1,000,000-line mail.log into the embedded broker (`relaywatch kafka`) with
# `relaywatch ship` and with `kcat -P`, same acks, compression, linger, batch size and partition
# count, in alternating rounds, and prints a markdown table: lines/s of each, the ratio
# relaywatch/kcat per round, the CPU seconds of each tool and of the broker meanwhile, and the
# shipper's peak RSS.
#
#   bench/ship-vs-kcat.sh                          # 3 rounds, 1,000,000 lines
#   RUNS=5 bench/ship-vs-kcat.sh
#   SHIP_JAVA_OPTS="-Xmx256m" bench/ship-vs-kcat.sh   # another heap for the shipper
#
# Each round times the shipper twice:
#   cold:    from `java -jar` to the last line committed: JVM start-up, topic creation,
#            initTransactions and the checkpoint read included.
#   backlog: the shipper is started on a missing path and left until it is ready; then the file
#            appears at that path (a hard link, instant) and the clock runs until the last line is
#            committed. This is a running shipper catching up a backlog.
# kcat is timed from its start to its exit (at end of input it waits for every delivery).
# Then the ceiling: the shipper's own producer settings and records (ProducerCeiling) sending the
# lines from memory, timed from the first send to the last commit: what any shipper on the Java
# producer with one line per record could reach at best, in the same round.
#
# Settings (environment): LINES (1000000), SEED (1), RUNS (3), PARTITIONS (3),
# SHIP_JAVA_OPTS (the launcher's ship_opts, see docs/benchmarks.md), VERIFY (1: count the
# records in every topic afterwards, read_committed for the shipper's).
# Results: bench-out/ship-vs-kcat.md and, as JSON, bench-out/ship-vs-kcat.json.
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
PARTITIONS=${PARTITIONS:-3}
# The launcher's own options for `ship` (its ship_opts line), so the two cannot drift apart.
SHIP_JAVA_OPTS=${SHIP_JAVA_OPTS:-$(sed -n 's/^ship_opts=(\(.*\))$/\1/p' relaywatch)}
[[ -n $SHIP_JAVA_OPTS ]] || { echo "ship-vs-kcat: no ship_opts line in ./relaywatch" >&2; exit 1; }
VERIFY=${VERIFY:-1}
OUT=bench-out
if ((LINES == 1000000)); then LOG=$OUT/mail-1m.log; else LOG=$OUT/mail-$LINES.log; fi
BENCH_CP="bench/target/classes:bench/target/lib/*"
JAR=cli/target/relaywatch.jar
# The same producer settings for both tools (relaywatch's are its defaults, ShipSession).
# COMPRESSION (lz4, the shipper's default): both tools use it; the shipper through KAFKA_COMPRESSION_TYPE.
COMPRESSION=${COMPRESSION:-lz4}
export KAFKA_COMPRESSION_TYPE=$COMPRESSION
KCAT_PROPS=(-X acks=all -X compression.codec=$COMPRESSION -X enable.idempotence=true -X linger.ms=20
  -X batch.size=262144)

die() { echo "ship-vs-kcat: $*" >&2; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
TICKS=$(getconf CLK_TCK)
# CPU time (user + system) a process has used so far, in ms; fields 14 and 15 of /proc/PID/stat,
# counted after the command name, which may hold spaces.
cpu_ms() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / t }' "/proc/$1/stat"; }

ensure_tools() {
  command -v curl >/dev/null || die "curl is missing"
  if ! command -v kcat >/dev/null; then
    [[ $(id -u) -eq 0 ]] || die "kcat is missing; run: sudo apt-get install -y --no-install-recommends kcat"
    apt-get install -y --no-install-recommends kcat >&2
  fi
}

build() {
  ./relaywatch --version >/dev/null # builds the CLI when it is missing or stale
  ./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
  mkdir -p "$OUT"
  if [[ ! -s $LOG ]]; then
    echo "generating $LOG ($LINES lines, seed $SEED)" >&2
    java -cp "$BENCH_CP" io.relaywatch.bench.MailLogGenerator --lines "$LINES" --seed "$SEED" \
      --out "$LOG"
  fi
  [[ $(wc -l <"$LOG") -eq $LINES ]] || die "$LOG does not have $LINES lines; delete it"
}

# A loopback port nothing listens on (the shipper's metrics port; the broker picks its own).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000)) # below the ephemeral range (32768-)
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

start_broker() {
  "${RELAYWATCH_JAVA[@]}" kafka --data-dir "$TMP/kafka" --port 0 >"$TMP/kafka.log" 2>&1 &
  BROKER_PID=$!
  local deadline=$(($(now_ms) + 120000))
  until grep -q 'relaywatch kafka: listening on' "$TMP/kafka.log"; do
    kill -0 "$BROKER_PID" 2>/dev/null || die "the broker exited: $(cat "$TMP/kafka.log")"
    (($(now_ms) < deadline)) || die "the broker did not start within 120 s"
    sleep 0.2
  done
  BOOTSTRAP=$(grep -o 'listening on [0-9.:]*' "$TMP/kafka.log" | head -1 | cut -d' ' -f3)
  echo "broker on $BOOTSTRAP" >&2
}

# A stopped JVM's exit status (143) must not end the trap under set -e before the directory goes.
cleanup() {
  local pid
  for pid in ${SHIP_PID:-} ${BROKER_PID:-}; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n ${TMP:-} ]]; then rm -rf "$TMP"; fi
}

# Sum of a shipper metric (over its labels), 0 while the endpoint is not up.
metric() {
  curl -s --max-time 1 "http://127.0.0.1:$METRICS_PORT/metrics" 2>/dev/null |
    awk -v m="$1" '$1 == m || index($1, m "{") == 1 { s += $2 } END { printf "%d", s }'
}

# wait_for METRIC VALUE SECONDS: polls until the metric reaches VALUE; dies if the shipper stops.
wait_for() {
  local deadline=$(($(now_ms) + $3 * 1000))
  until (($(metric "$1") >= $2)); do
    kill -0 "$SHIP_PID" 2>/dev/null || die "the shipper exited; see $OUT/ship-*.log"
    (($(now_ms) < deadline)) || die "$1 did not reach $2 within $3 s"
    sleep 0.05
  done
}

# run_kcat ROUND: creates the topic with the shipper's partition count, then times kcat -P.
run_kcat() {
  local topic=bench-kcat-$1 start end broker cpu
  java -cp "$BENCH_CP" io.relaywatch.bench.CreateTopic "$BOOTSTRAP" "$topic" "$PARTITIONS" \
    2>/dev/null
  broker=$(cpu_ms "$BROKER_PID")
  start=$(now_ms)
  # Standard input, not a file argument: kcat sends each file argument as ONE message. Bash's
  # `time` gives kcat's own CPU (user and system seconds).
  cpu=$( { TIMEFORMAT='%U %S'; time kcat -P -b "$BOOTSTRAP" -t "$topic" "${KCAT_PROPS[@]}" \
    <"$LOG" 2>"$TMP/kcat-$1.log"; } 2>&1 | awk '{ printf "%d", ($1 + $2) * 1000 }')
  end=$(now_ms)
  echo "$1 kcat $((end - start)) 0 $cpu $(($(cpu_ms "$BROKER_PID") - broker))" >>"$OUT/ship-runs.txt"
  verify "$topic" read_uncommitted
}

# run_ceiling ROUND: the shipper's producer and records alone, on lines already in memory
# (ProducerCeiling), with the shipper's JVM options and heap room for the file: no shipper built on
# the Java producer can beat it. Its own clock: first send to last commit.
run_ceiling() {
  local topic=bench-ceiling-$1 ms
  # shellcheck disable=SC2086 # SHIP_JAVA_OPTS is split on spaces on purpose, like the launcher
  ms=$(java $SHIP_JAVA_OPTS -Xmx1g -cp "$BENCH_CP" io.relaywatch.ingest.ship.ProducerCeiling \
    "$BOOTSTRAP" "$topic" "$LOG" 2>"$TMP/ceiling-$1.log" | tail -1 | cut -d' ' -f1)
  [[ $ms =~ ^[0-9]+$ ]] || die "the producer ceiling failed: $(tail -5 "$TMP/ceiling-$1.log")"
  echo "$1 ceiling $ms 0 0 0" >>"$OUT/ship-runs.txt"
  verify "$topic" read_committed
}

# run_ship ROUND MODE (cold | backlog): times relaywatch ship; records its peak RSS (VmHWM) and
# the CPU time of the shipper and of the broker over the timed span.
run_ship() {
  local round=$1 mode=$2 name=bench-$1-$2 file start end hwm cpu=0 broker cpu_end
  file=$TMP/$name.log
  METRICS_PORT=$(free_port)
  [[ $mode == cold ]] && ln "$PWD/$LOG" "$file"
  mkdir -p "$TMP/state-$name"
  broker=$(cpu_ms "$BROKER_PID")
  start=$(now_ms)
  # shellcheck disable=SC2086 # SHIP_JAVA_OPTS is split on spaces on purpose, like the launcher
  java $SHIP_JAVA_OPTS -jar "$JAR" ship --bootstrap-servers "$BOOTSTRAP" --file "$file" \
    --state-dir "$TMP/state-$name" --topic "bench-ship-$name" --id "$name" \
    --metrics-port "$METRICS_PORT" >"$OUT/ship-$name.log" 2>&1 &
  SHIP_PID=$!
  if [[ $mode == backlog ]]; then
    wait_for relaywatch_ingest_kafka_reachable 1 120
    broker=$(cpu_ms "$BROKER_PID")
    cpu=$(cpu_ms "$SHIP_PID")
    ln "$PWD/$LOG" "$file"
    start=$(now_ms)
  fi
  wait_for relaywatch_ingest_lines_shipped_total "$LINES" 600
  end=$(now_ms)
  cpu_end=$(cpu_ms "$SHIP_PID")
  broker=$(($(cpu_ms "$BROKER_PID") - broker))
  hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$SHIP_PID/status")
  kill -TERM "$SHIP_PID"
  wait "$SHIP_PID" || true
  SHIP_PID=
  echo "$round ship-$mode $((end - start)) $hwm $((cpu_end - cpu)) $broker" >>"$OUT/ship-runs.txt"
  verify "bench-ship-$name" read_committed
}

# verify TOPIC ISOLATION: the topic holds exactly LINES records.
verify() {
  ((VERIFY)) || return 0
  local n
  n=$(kcat -C -b "$BOOTSTRAP" -t "$1" -e -o beginning -q -X "isolation.level=$2" -f '\n' | wc -l)
  ((n == LINES)) || die "topic $1 holds $n records, expected $LINES"
}

print_table() {
  echo
  echo "Input: $LOG ($LINES lines, $(du -m "$LOG" | cut -f1) MB), $PARTITIONS partitions,"
  echo "acks=all, idempotent, $COMPRESSION, linger 20 ms, 256 KiB batches. Machine: $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Shipper JVM: \`$SHIP_JAVA_OPTS\`. $RUNS alternating rounds; per round: kcat, shipper cold,"
  echo "shipper backlog. Medians over rounds; the ratio is taken within each round, then the median."
  echo
  awk -v lines="$LINES" -v partitions="$PARTITIONS" -v json="$OUT/ship-vs-kcat.json" '
    { ms[$2, $1] = $3; cpu[$2, $1] = $5; broker[$2, $1] = $6; rounds[$1] = 1
      if ($2 ~ /^ship/ && $4 > rss) rss = $4 }
    END {
      n = 0; for (r in rounds) n++
      print "| | kcat -P | relaywatch ship, backlog | relaywatch ship, cold start | Java producer alone (ceiling) |"
      print "| --- | ---: | ---: | ---: | ---: |"
      printf "| lines/s (median) | %s | %s | %s | %s |\n", rate("kcat"), rate("ship-backlog"), rate("ship-cold"), rate("ceiling")
      printf "| seconds (median) | %s | %s | %s | %s |\n", secs("kcat"), secs("ship-backlog"), secs("ship-cold"), secs("ceiling")
      printf "| ratio to kcat (median of rounds; target >= 0.8) | 1 | %s | %s | %s |\n", ratio("ship-backlog"), ratio("ship-cold"), ratio("ceiling")
      printf "| CPU seconds of the tool (median) | %s | %s | %s | |\n", cpus(cpu, "kcat"), cpus(cpu, "ship-backlog"), cpus(cpu, "ship-cold")
      printf "| CPU seconds of the broker meanwhile (median) | %s | %s | %s | |\n", cpus(broker, "kcat"), cpus(broker, "ship-backlog"), cpus(broker, "ship-cold")
      printf "| shipper peak RSS, MB (max; target <= 256) | | %.0f (both modes) | | |\n", rss / 1024
      # The same medians for bench/run-all.sh.
      printf "{\n  \"lines\": %d,\n  \"rounds\": %d,\n  \"partitions\": %d,\n", lines, n, partitions > json
      printf "  \"kcatLinesPerSecond\": %s,\n", rate("kcat") > json
      printf "  \"shipBacklogLinesPerSecond\": %s,\n  \"shipColdLinesPerSecond\": %s,\n", rate("ship-backlog"), rate("ship-cold") > json
      printf "  \"shipBacklogRatio\": %s,\n  \"shipColdRatio\": %s,\n", ratio("ship-backlog"), ratio("ship-cold") > json
      printf "  \"ceilingLinesPerSecond\": %s,\n  \"ceilingRatio\": %s,\n", rate("ceiling"), ratio("ceiling") > json
      printf "  \"shipPeakRssMb\": %.0f\n}\n", rss / 1024 > json
    }
    function median(a, k,    i, j, t, m) {
      m = 0; for (i in a) v[++m] = a[i]
      for (i = 2; i <= m; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      k = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
      delete v; return k
    }
    function secs(tool,    r, a) { for (r in rounds) a[r] = ms[tool, r] / 1000; return sprintf("%.2f", median(a)) }
    function cpus(m, tool,    r, a) { for (r in rounds) a[r] = m[tool, r] / 1000; return sprintf("%.2f", median(a)) }
    function rate(tool,    r, a) { for (r in rounds) a[r] = lines * 1000 / ms[tool, r]; return sprintf("%.0f", median(a)) }
    function ratio(tool,    r, a) { for (r in rounds) a[r] = ms["kcat", r] / ms[tool, r]; return sprintf("%.2f", median(a)) }
  ' "$OUT/ship-runs.txt"
  echo
  echo "Rounds (round, tool, ms, RSS kB, tool CPU ms, broker CPU ms): $(tr '\n' ';' <"$OUT/ship-runs.txt")"
}

ensure_tools
build
RELAYWATCH_JAVA=(java -jar "$JAR") # the launcher's own command, without its staleness check
TMP=$(mktemp -d -t ship-vs-kcat.XXXXXX)
trap cleanup EXIT
start_broker
: >"$OUT/ship-runs.txt"
cat "$LOG" >/dev/null # page cache, so no tool pays for the first read
# An untimed kcat run first: the first topic a fresh broker takes costs it seconds (kcat took 2.2 s
# in a first round and 0.8 to 1.0 s after), which would flatter every ratio of round 1.
java -cp "$BENCH_CP" io.relaywatch.bench.CreateTopic "$BOOTSTRAP" bench-warm-up "$PARTITIONS" 2>/dev/null
kcat -P -b "$BOOTSTRAP" -t bench-warm-up "${KCAT_PROPS[@]}" <"$LOG" 2>/dev/null
for ((run = 1; run <= RUNS; run++)); do
  echo "round $run of $RUNS" >&2
  run_kcat "$run"
  run_ship "$run" cold
  run_ship "$run" backlog
  run_ceiling "$run"
done
print_table | tee "$OUT/ship-vs-kcat.md"
