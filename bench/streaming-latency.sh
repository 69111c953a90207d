#!/usr/bin/env bash
# End-to-end latency from a line written to mail.log to its alert at a webhook (p50, p90, p99,
# max), under a steady background of realistic lines, with the baseline of the same line reaching
# the raw-lines topic measured in the same run. The pipeline is `relaywatch all` (embedded broker,
# shipper, Streams, alert service) as a child process with the shipped settings; the harness
# (writer, webhook receiver on 127.0.0.1, read_committed consumer) runs in its own JVM.
# The background runs alone until the Streams consumer group has caught up with it (at least
# --warm-up, at most 4 minutes), then --duration of probes, evenly spaced, the last 10 s without.
#
#   bench/streaming-latency.sh [--duration 90s] [--rate 5000] [--probes N] [--warm-up 15s]
#   RELAYWATCH_STREAMS_COMMIT_INTERVAL=30ms bench/streaming-latency.sh   # a setting to try
#
# Settings (environment): PIPELINE_JAVA_OPTS (-Xms256m -Xmx768m: the pipeline's JVM),
# HARNESS_JAVA_OPTS (-Xms64m -Xmx256m), RELAYWATCH_* (passed to the pipeline and printed).
# Writes bench-out/streaming-latency.md, bench-out/streaming-latency.json and the pipeline's log
# bench-out/streaming-latency-pipeline.log. See docs/benchmarks.md, "Streaming latency".
set -euo pipefail
cd "$(dirname "$0")/.."

PIPELINE_JAVA_OPTS=${PIPELINE_JAVA_OPTS:--Xms256m -Xmx768m}
HARNESS_JAVA_OPTS=${HARNESS_JAVA_OPTS:--Xms64m -Xmx256m}

./mvnw -q -pl cli,bench -am package -DskipTests -Dspotless.check.skip=true
mkdir -p bench-out
# shellcheck disable=SC2086 # HARNESS_JAVA_OPTS is a list of options
exec java $HARNESS_JAVA_OPTS -Dlog4j2.configurationFile=cli/src/test/resources/log4j2-child.xml \
  -cp "bench/target/classes:bench/target/lib/*" io.relaywatch.bench.latency.StreamingLatency \
  --jar cli/target/relaywatch.jar --out bench-out --pipeline-java-opts "$PIPELINE_JAVA_OPTS" "$@"
