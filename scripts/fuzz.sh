#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of the parser and of the settings loader, each for the
# maxDuration in its @FuzzTest (60 s and 45 s). An ordinary `./mvnw verify` only replays the
# committed inputs; this runs the fuzzers themselves, as .ci/run does.
#
#   scripts/fuzz.sh            # both
#   scripts/fuzz.sh parser     # one of: parser, config
#
# A finding fails the run; Jazzer writes the input that triggered it next to the committed ones
# (src/test/resources/.../<Test>Inputs/<method>/crash-*), so it replays in every later build once
# committed under a telling name.
set -euo pipefail
cd "$(dirname "$0")/.."

run() { # module test-class
  echo "== fuzzing $2 ($1) =="
  local log
  log=$(mktemp)
  # libFuzzer's per-input timeout: a line or file taking 10 s is a hang. JUnit's own timeout is
  # switched off, or it would apply to the whole fuzzing run.
  if ! JAZZER_FUZZ=1 ./mvnw -B -ntp -q -pl "$1" -am test -Dspotless.check.skip=true \
      -Dtest="$2" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djunit.jupiter.execution.timeout.default=10s \
      -Djunit.jupiter.execution.timeout.mode=disabled >"$log" 2>&1; then
    grep -a -E "FuzzTestFinding|Caused by|crash-|Test unit written|ERROR\]" "$log" | head -40 || true
    echo "fuzzing $2 FAILED (full log: $log)" >&2
    return 1
  fi
  grep -a -E "DONE|relaywatch measured" "$log"
  rm -f "$log"
}

case "${1:-all}" in
  parser) run streams ParserFuzzTest ;;
  config) run cli ConfigLoaderFuzzTest ;;
  all)
    run streams ParserFuzzTest
    run cli ConfigLoaderFuzzTest
    ;;
  *) echo "usage: scripts/fuzz.sh [parser|config|all]" >&2; exit 2 ;;
esac
