#!/usr/bin/env bash
# The full Streams topology (StreamsApp) and the embedded broker in ONE JVM: a generated
# 1,000,000-line mail.log (MailLogGenerator, one mail host) is produced into relaywatch.raw-lines,
# then StreamsApp is started and timed until its consumer group has committed every raw line
# (raw-lines lag 0) and read back every event (relaywatch.events lag 0, the aggregation's input).
# Prints one markdown table row: lines/s, peak heap used/committed, peak RSS (broker included).
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
args=(--lines "$LINES" --seed "$SEED" --threads "$THREADS" --partitions "$PARTITIONS")
[[ -n ${CONFIG:-} ]] && args+=(--config "$CONFIG")
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java $JAVA_OPTS -Dlog4j2.configurationFile=cli/src/test/resources/log4j2-child.xml -cp "bench/target/classes:bench/target/lib/*" \
  io.relaywatch.bench.StreamsThroughput "${args[@]}"
