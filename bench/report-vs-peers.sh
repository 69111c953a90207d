#!/usr/bin/env bash
# Times `relaywatch report` beside pflogsumm and fail2ban-regex (filter postfix) on one generated
# Postfix mail.log, in one run, and prints a markdown table of wall time, lines/s, peak RSS and the
# speed ratios. Ratios measured in one run on one machine are the figures to quote; absolute
# lines/s move with the machine and its load.
#
#   bench/report-vs-peers.sh                  # 1,000,000 lines, every tool on the whole file
#   LINES=200000 RUNS=3 bench/report-vs-peers.sh
#   F2B_LINES=200000 bench/report-vs-peers.sh # fail2ban-regex on a prefix, normalised to lines/s
#
# Then, untimed, the agreement on the top relay-denial client IPs: `relaywatch report --json`,
# `pflogsumm --reject-detail`, `fail2ban-regex -o '<ip> <msg>'` on the whole file, compared by
# io.relaywatch.bench.agreement.PeerAgreement; the script fails when a peer disagrees.
# Results: bench-out/report-vs-peers.md and .json, bench-out/peer-agreement.json.
#
# Settings (environment): LINES (1000000), SEED (1), RUNS (1; rounds of all tools, interleaved;
# the fastest run of each tool is kept),
# F2B_LINES (all lines), TOP (10: clients compared), AGREEMENT (1; 0 skips it).
# The log is generated once into bench-out/ and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-1}
F2B_LINES=${F2B_LINES:-$LINES}
TOP=${TOP:-10}
AGREEMENT=${AGREEMENT:-1}
OUT=bench-out
LOG=$OUT/mail-$LINES-seed$SEED.log
F2B_FILTER=/etc/fail2ban/filter.d/postfix.conf
mkdir -p "$OUT"

die() { echo "report-vs-peers: $*" >&2; exit 1; }

ensure_tools() {
  local missing=()
  command -v pflogsumm >/dev/null || missing+=(pflogsumm)
  command -v fail2ban-regex >/dev/null || missing+=(fail2ban)
  [[ -x /usr/bin/time ]] || missing+=(time)
  if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "missing ${missing[*]}; run: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
  fi
  [[ -r $F2B_FILTER ]] || die "fail2ban filter $F2B_FILTER not found"
}

generate_log() {
  ./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
  if [[ ! -s $LOG ]]; then
    echo "generating $LOG ($LINES lines, seed $SEED)" >&2
    java -cp "bench/target/classes:bench/target/lib/*" io.relaywatch.bench.MailLogGenerator \
      --lines "$LINES" --seed "$SEED" --out "$LOG"
  fi
  F2B_LOG=$LOG
  if ((F2B_LINES < LINES)); then
    F2B_LOG=$OUT/mail-$LINES-seed$SEED-first$F2B_LINES.log
    head -n "$F2B_LINES" "$LOG" >"$F2B_LOG"
  fi
}

# Sets RELAYWATCH to the command that runs the CLI, or leaves it empty if `report` is not there yet.
find_relaywatch() {
  RELAYWATCH=()
  if [[ -x ./relaywatch ]]; then
    RELAYWATCH=(./relaywatch)
  else
    [[ -f cli/target/relaywatch.jar ]] ||
      ./mvnw -q -pl cli -am package -DskipTests -Dspotless.check.skip=true >&2 || true
    [[ -f cli/target/relaywatch.jar ]] && RELAYWATCH=(java -jar cli/target/relaywatch.jar)
  fi
  # Also the untimed warm-up: the launcher builds the CLI on first use.
  if ((${#RELAYWATCH[@]})) && ! "${RELAYWATCH[@]}" report --help >/dev/null 2>&1; then
    echo "relaywatch has no working 'report' command yet; its row is left as a placeholder" >&2
    RELAYWATCH=()
  fi
}

# time_once NAME LINES CMD... : runs CMD once (stdout kept for the sanity line) and appends
# "NAME LINES wall-seconds cpu-seconds peak-rss-kb exit-status" to $OUT/runs.txt.
time_once() {
  local name=$1 lines=$2 status=0 wall user sys kb
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/$name.time" "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" ||
    status=$?
  read -r wall user sys kb <"$OUT/$name.time" || die "$name did not run; see $OUT/$name.stderr"
  echo "$name $lines $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $kb $status" \
    >>"$OUT/runs.txt"
}

# The fastest run per tool (with that run's CPU time), the highest RSS, the worst exit status.
best_runs() {
  awk '
    !($1 in wall) { order[++n] = $1; wall[$1] = $3; cpu[$1] = $4; rss[$1] = $5; st[$1] = $6 }
    $3 < wall[$1] { wall[$1] = $3; cpu[$1] = $4 }
    $5 > rss[$1] { rss[$1] = $5 }
    $6 > st[$1] { st[$1] = $6 }
    { lines[$1] = $2 }
    END { for (i = 1; i <= n; i++) { k = order[i]; print k, lines[k], wall[k], cpu[k], rss[k], st[k] } }
  ' "$OUT/runs.txt" >"$OUT/timings.txt"
}

print_table() {
  echo
  echo "Input: $LOG ($LINES lines, $(du -m "$LOG" | cut -f1) MB). Machine: $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Best of $RUNS interleaved round(s) by wall time (CPU s = user + system of that run);"
  echo "output discarded; file in page cache; relaywatch includes JVM start-up"
  if [[ ${RELAYWATCH[0]:-} == ./relaywatch ]]; then
    echo "(launcher settings: C1 only, SerialGC, class data archive" \
      "$([[ -f cli/target/relaywatch.jsa ]] && echo present || echo missing)${RELAYWATCH_JAVA_OPTS:+, RELAYWATCH_JAVA_OPTS=$RELAYWATCH_JAVA_OPTS})."
  else
    echo "(java -jar, JVM defaults)."
  fi
  echo
  awk -v rwfound="${#RELAYWATCH[@]}" '
    { name[NR] = $1; lines[NR] = $2; wall[NR] = $3; cpu[NR] = $4; rss[NR] = $5; st[NR] = $6
      if ($3 > 0) rate[$1] = $2 / $3 }
    END {
      print "| tool | lines | wall s | CPU s | lines/s | peak RSS MB | exit | relaywatch is ... times faster |"
      print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
      if (rwfound == 0)
        print "| relaywatch report | (not run: `report` command not available yet) | | | | | | |"
      for (i = 1; i <= NR; i++) {
        ratio = (rate["relaywatch"] > 0 && name[i] !~ /^relaywatch/) ? sprintf("%.1f", rate["relaywatch"] / rate[name[i]]) : "-"
        printf "| %s | %d | %.2f | %.2f | %.0f | %.0f | %s | %s |\n", label(name[i]), lines[i], wall[i], cpu[i], rate[name[i]], rss[i] / 1024, st[i], ratio
        walls[name[i]] = wall[i]
      }
      if (walls["fail2ban"] > 0 && walls["relaywatch-rejects"] > 0) {
        printf "\nFloors: relaywatch starts in %.2f s and reads the reject lines alone in %.2f s;", walls["relaywatch-startup"], walls["relaywatch-rejects"]
        printf " 20 times fail2ban-regex allows %.2f s for the whole file, 5 times pflogsumm %.2f s.\n", walls["fail2ban"] / 20, walls["pflogsumm"] / 5
      }
    }
    function label(n) {
      if (n == "relaywatch") return "relaywatch report"
      if (n == "fail2ban") return "fail2ban-regex, filter postfix"
      if (n == "relaywatch-startup") return "(floor) relaywatch report, an empty file: start-up"
      if (n == "relaywatch-rejects") return "(floor) relaywatch report, the reject lines alone"
      return n
    }' "$OUT/timings.txt"
  echo
  echo "Found: pflogsumm $(awk '/ rejected \(/ { print $1; exit }' "$OUT/pflogsumm.stdout") rejected;" \
    "fail2ban-regex $(grep -o '[0-9]* matched' "$OUT/fail2ban.stdout" | head -1)."
}

# The timings as JSON for bench/run-all.sh (io.relaywatch.bench.report.BenchReport).
write_json() {
  awk -v runs="$RUNS" -v total="$LINES" '
    { row[NR] = sprintf("    {\"tool\": \"%s\", \"lines\": %d, \"wallSeconds\": %.3f, \"cpuSeconds\": %.3f, \"linesPerSecond\": %.0f, \"peakRssMb\": %.0f, \"exit\": %d}", $1, $2, $3, $4, $3 > 0 ? $2 / $3 : 0, $5 / 1024, $6) }
    END {
      printf "{\n  \"lines\": %d,\n  \"runs\": %d,\n  \"tools\": [\n", total, runs
      for (i = 1; i <= NR; i++) printf "%s%s\n", row[i], i < NR ? "," : ""
      print "  ]\n}"
    }' "$OUT/timings.txt" >"$OUT/report-vs-peers.json"
}

# Each tool's relay denials per client on the whole file, untimed, then the comparison.
agreement() {
  ((AGREEMENT)) || return 0
  if ((${#RELAYWATCH[@]} == 0)); then
    echo "agreement: skipped (no relaywatch report)" >&2
    return 0
  fi
  echo "agreement on the top $TOP relay-denial clients" >&2
  "${RELAYWATCH[@]}" report --json --top 1000000 "$LOG" >"$OUT/agreement-relaywatch.json"
  pflogsumm --reject-detail 1000000 "$LOG" >"$OUT/agreement-pflogsumm.txt"
  fail2ban-regex -o '<ip> <msg>' "$LOG" "$F2B_FILTER" >"$OUT/agreement-fail2ban.txt"
  local status=0
  java -cp "bench/target/classes:bench/target/lib/*" io.relaywatch.bench.agreement.PeerAgreement \
    --relaywatch "$OUT/agreement-relaywatch.json" --pflogsumm "$OUT/agreement-pflogsumm.txt" \
    --fail2ban "$OUT/agreement-fail2ban.txt" --top "$TOP" --json "$OUT/peer-agreement.json" \
    >"$OUT/peer-agreement.txt" || status=$?
  { echo; echo "Agreement on the top $TOP relay-denial client IPs (same file, same run):"; echo
    sed 's/^/    /' "$OUT/peer-agreement.txt"; } | tee -a "$OUT/report-vs-peers.md"
  ((status == 0)) || die "a peer disagrees with relaywatch on the top relay-denial clients"
}

ensure_tools
generate_log
find_relaywatch
: >"$OUT/runs.txt"
cat "$LOG" >/dev/null # page cache, so no tool pays for the first read
# Two floors for relaywatch, timed like it: its start-up (an empty log) and the reject lines alone
# (what pflogsumm counts as rejected and fail2ban-regex matches), which every tool must parse.
EMPTY_LOG=$OUT/empty.log
REJECTS_LOG=$OUT/mail-$LINES-seed$SEED-rejects.log
: >"$EMPTY_LOG"
grep -F ': reject: ' "$LOG" >"$REJECTS_LOG" || true
# Rounds interleave the tools, so a burst of load from elsewhere falls on all of them alike.
for ((run = 1; run <= RUNS; run++)); do
  echo "round $run of $RUNS" >&2
  if ((${#RELAYWATCH[@]})); then
    time_once relaywatch "$LINES" "${RELAYWATCH[@]}" report "$LOG"
    time_once relaywatch-startup 0 "${RELAYWATCH[@]}" report "$EMPTY_LOG"
    time_once relaywatch-rejects "$(wc -l <"$REJECTS_LOG")" "${RELAYWATCH[@]}" report "$REJECTS_LOG"
  fi
  time_once pflogsumm "$LINES" pflogsumm "$LOG"
  time_once fail2ban "$F2B_LINES" fail2ban-regex --print-no-missed "$F2B_LOG" "$F2B_FILTER"
done
best_runs
print_table | tee "$OUT/report-vs-peers.md"
write_json
agreement
