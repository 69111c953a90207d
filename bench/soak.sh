#!/usr/bin/env bash
# The soak under faults (docs/benchmarks.md, "Soak under faults"): mail log lines written at a
# fixed rate with rename+create rotations, through relaywatch kafka, ship, streams and alerts (each
# its own process from cli/target/relaywatch.jar) and a real Alertmanager, while ship, streams and
# alerts are SIGKILLed and restarted and the broker and Alertmanager restarted, at seeded moments.
# Then: every line exactly once in relaywatch.raw-lines, relay-denial totals as written, every
# expected alert delivered with one lifecycle. Exits non-zero when a check fails.
#
#   bench/soak.sh                                  # 2 minutes, seed 1, 1,500 lines/s (CI)
#   bench/soak.sh --duration 10m --seed 7 --rate 2000
#
# Also: --rotate-every 60s, --work DIR (default bench/target/soak; logs of every role are kept
# there), --alertmanager BIN. SOAK_JAVA_OPTS sets the harness JVM's options.
set -euo pipefail
cd "$(dirname "$0")/.."

alertmanager=/usr/bin/prometheus-alertmanager
[[ -x $alertmanager ]] || {
  echo "soak: $alertmanager not found; apt-get install -y prometheus-alertmanager" >&2
  exit 2
}
# Builds the CLI jar when it is missing or older than the sources; then the harness.
./relaywatch --version >/dev/null
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
# shellcheck disable=SC2086 # SOAK_JAVA_OPTS is a list of options
exec java ${SOAK_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC} \
  -Dlog4j2.configurationFile=cli/src/test/resources/log4j2-child.xml \
  -cp "bench/target/classes:bench/target/lib/*" io.relaywatch.bench.soak.Soak "$@"
