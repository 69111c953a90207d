#!/usr/bin/env bash
# Builds the bench module and runs the JMH parser benchmarks on one thread.
#
#   bench/run-jmh.sh                         # all benchmarks, short settings
#   bench/run-jmh.sh ParserBenchmark         # only the mixed-line throughput
#   JMH_OPTS="-f 2 -wi 5 -i 10" bench/run-jmh.sh WorstCase
#
# Any arguments are passed to JMH after the settings (benchmark regexps, -p shape=SPACE_RUN, -prof gc).
# Results are also written as JSON to bench-out/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."

JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 2s -r 3s"}

./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
mkdir -p bench-out
# shellcheck disable=SC2086 # JMH_OPTS is a list of options on purpose
exec java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main \
  $JMH_OPTS -t 1 -rf json -rff bench-out/jmh-result.json "$@"
