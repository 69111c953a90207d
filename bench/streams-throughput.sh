#!/usr/bin/env bash
# The full Streams topology (StreamsApp) and the embedded broker in ONE JVM: a generated
# 1,000,000-line mail.log (MailLogGenerator, one mail host) is produced into relaywatch.raw-lines,
# then StreamsApp is started and timed until its consumer group has committed every raw line
# (raw-lines lag 0) and read back every event (relaywatch.events lag 0, the aggregation's input).
# Then, on the same raw lines in the same JVM, a pass-through baseline (raw lines copied to one
# topic, same guarantee, commit interval, threads and partitions). Prints a markdown table: lines/s
# of both and their ratio, peak heap used/committed, peak RSS (broker included); writes it to
# bench-out/streams-throughput.md and as JSON to bench-out/streams-throughput.json.
#
#   bench/streams-throughput.sh
#   LINES=200000 THREADS=2 bench/streams-throughput.sh
#   CONFIG=my-streams.yaml bench/streams-throughput.sh     # kafka.properties.* to try settings
#
# Settings (environment): LINES (1000000), SEED (1), THREADS (1), PARTITIONS (3),
# JAVA_OPTS (-Xms512m -Xmx1g), CONFIG (a YAML settings file, optional).
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
SEED=${SEED:-1}
THREADS=${THREADS:-1}
PARTITIONS=${PARTITIONS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}

./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
mkdir -p bench-out
args=(--lines "$LINES" --seed "$SEED" --threads "$THREADS" --partitions "$PARTITIONS"
  --json bench-out/streams-throughput.json)
[[ -n ${CONFIG:-} ]] && args+=(--config "$CONFIG")
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java $JAVA_OPTS -Dlog4j2.configurationFile=cli/src/test/resources/log4j2-child.xml -cp "bench/target/classes:bench/target/lib/*" \
  io.relaywatch.bench.StreamsThroughput "${args[@]}" | tee bench-out/streams-throughput.md
